/** The id.vn check: one question (date of birth, or age), then the result. */
import { addDays, splitDate } from '../../calendar.js';
import { IDVN } from './ids.js';
import { MENU } from '../menu/ids.js';
import { checkEligibility } from '../../eligibility/index.js';
import type { CheckResult } from '../../eligibility/types.js';
import { choice, text } from '../../message.js';
import type { Understanding } from '../../nlu/types.js';
import { offer, say, type Turn } from '../../turn.js';
import { showResult } from '../result/result.js';
import { ruleParams } from '../result/rule-source.js';

export function askBirth(turn: Turn, key = 'idvn.ask_birth', params?: Record<string, string | number>): void {
  turn.session = { ...turn.session, step: { flow: 'idvn', ask: 'birth' } };
  offer(turn, key, [choice(IDVN.notCitizen, 'idvn.not_citizen'), choice(IDVN.noBirthDate, 'idvn.no_date'), choice(MENU.main, 'menu.main')], params);
}

/** "Việt kiều": whether they still hold Vietnamese citizenship decides; the result if they do waits in the step. */
export function askCitizenship(turn: Turn, ifCitizen?: CheckResult): void {
  turn.session = { ...turn.session, step: ifCitizen === undefined ? { flow: 'idvn', ask: 'citizenship' } : { flow: 'idvn', ask: 'citizenship', ifCitizen } };
  offer(turn, 'idvn.ask_citizenship', [choice(IDVN.citizenYes, 'idvn.citizen_yes'), choice(IDVN.notCitizen, 'idvn.citizen_no'), choice(MENU.main, 'menu.main')]);
}

export function hasIdvnFacts(u: Understanding): boolean {
  const { entities: e, signals: s } = u;
  return (
    e.birthDate !== undefined ||
    e.age !== undefined ||
    e.birthYear !== undefined ||
    s.impossibleDate !== undefined ||
    s.foreigner === true ||
    s.overseas === true ||
    s.turning !== undefined ||
    s.bornPartly !== undefined
  );
}

export function startIdvn(turn: Turn, u?: Understanding): void {
  if (u && hasIdvnFacts(u) && answerIdvn(turn, u)) return;
  askBirth(turn);
}

type Facts = { birthDate?: string; age?: number; birthYear?: number; citizen?: boolean };

/** The result for these facts, or undefined after re-asking (invalid facts, a boundary birth year). */
function resultOf(turn: Turn, facts: Facts): CheckResult | undefined {
  const result = checkEligibility({ track: 'id.vn', ...facts }, turn.today, turn.deps.data.program.window, turn.deps.data.rules);
  if ('invalid' in result) {
    askBirth(turn, `idvn.invalid_${result.invalid}`);
    return undefined;
  }
  if (result.outcome === 'undetermined' && facts.birthYear !== undefined) {
    askBirth(turn, 'idvn.ask_full_date', { year: facts.birthYear });
    return undefined;
  }
  return result;
}

function runCheck(turn: Turn, facts: Facts): void {
  const result = resultOf(turn, facts);
  if (result !== undefined) showResult(turn, result);
}

/**
 * "tuần sau em tròn 24": 23 today, eligible now, the last day is the day before that birthday.
 * "mai tròn 24" makes today the last day, "mai tròn 18" makes tomorrow the first: exact dates.
 * Other ages about to be reached only shift the age by one; the outcome never rests on a guess.
 */
function runTurning(turn: Turn, turning: NonNullable<Understanding['signals']['turning']>): void {
  const { idvnMinAge, idvnMaxAge } = turn.deps.data.rules;
  const age = turning.age - 1;
  const when = text(`result.when_${turning.when}`);
  if (turning.age === idvnMaxAge + 1) {
    const result = resultOf(turn, { age });
    if (result === undefined) return;
    if (turning.when === 'tomorrow') return showResult(turn, { ...result, until: turn.today });
    return showResult(turn, result, { lead: text('result.turning_end', { ...ruleParams(turn.deps.data), when }) });
  }
  if (turning.age === idvnMinAge) {
    const result = resultOf(turn, { age });
    if (result === undefined) return;
    if (turning.when === 'tomorrow') return showResult(turn, { ...result, from: addDays(turn.today, 1) });
    return showResult(turn, result, { lead: text('result.turning_start', { ...ruleParams(turn.deps.data), when }) });
  }
  runCheck(turn, { age });
}

/**
 * "sinh tháng 3/2008": in the year of the 18th or 24th birthday the month settles the answer,
 * unless it is this month (then the day is asked). Other years: the year alone decides.
 */
function runBornPartly(turn: Turn, born: { year: number; month: number }): void {
  const { idvnMinAge, idvnMaxAge } = turn.deps.data.rules;
  const today = splitDate(turn.today);
  const ageThisYear = today.year - born.year;
  if (ageThisYear !== idvnMinAge && ageThisYear !== idvnMaxAge + 1) return runCheck(turn, { birthYear: born.year });
  if (born.month === today.month) return askBirth(turn, 'idvn.ask_full_date', { year: born.year });
  if (born.month < today.month) return runCheck(turn, { age: ageThisYear });
  const result = resultOf(turn, { age: ageThisYear - 1 });
  if (result === undefined) return;
  const when = text('result.when_month_n', { month: born.month });
  const lead = ageThisYear === idvnMinAge ? 'result.turning_start' : 'result.turning_end';
  showResult(turn, result, { lead: text(lead, { ...ruleParams(turn.deps.data), when }) });
}

/** Answers the birth question from free text; false when the text holds no answer. */
export function answerIdvn(turn: Turn, u: Understanding): boolean {
  const { entities: e, signals: s } = u;
  const step = turn.session.step;
  const askingCitizenship = step.flow === 'idvn' && step.ask === 'citizenship';
  if (s.foreigner === true || (askingCitizenship && s.yesNo === false)) {
    runCheck(turn, { citizen: false, age: e.age ?? 20 });
    return true;
  }
  if (askingCitizenship && (s.yesNo === true || s.citizen === true) && !hasAge(u)) {
    if (step.ifCitizen !== undefined) showResult(turn, step.ifCitizen);
    else askBirth(turn);
    return true;
  }
  if (s.impossibleDate !== undefined && e.birthDate === undefined) {
    askBirth(turn, 'idvn.invalid_impossible_date', { date: s.impossibleDate });
    return true;
  }
  if (s.overseas === true && s.citizen !== true) {
    askCitizenship(turn, factsResult(turn, u));
    return true;
  }
  const date = e.birthDate ?? (turn.session.step.flow === 'idvn' ? e.establishedDate : undefined);
  if (date !== undefined) runCheck(turn, { birthDate: date });
  else if (s.turning !== undefined) runTurning(turn, s.turning);
  else if (e.age !== undefined) runCheck(turn, { age: e.age });
  else if (s.bornPartly !== undefined) runBornPartly(turn, s.bornPartly);
  else if (e.birthYear !== undefined) runCheck(turn, { birthYear: e.birthYear });
  else return false;
  return true;
}

const hasAge = (u: Understanding): boolean => u.entities.birthDate !== undefined || u.entities.age !== undefined || u.entities.birthYear !== undefined;

/** The result a Vietnamese citizen with these facts would get, computed without asking anything. */
function factsResult(turn: Turn, u: Understanding): CheckResult | undefined {
  const e = u.entities;
  const facts: Facts = e.birthDate !== undefined ? { birthDate: e.birthDate } : e.age !== undefined ? { age: e.age } : {};
  if (facts.birthDate === undefined && facts.age === undefined) return undefined;
  const result = checkEligibility({ track: 'id.vn', ...facts }, turn.today, turn.deps.data.program.window, turn.deps.data.rules);
  return 'invalid' in result ? undefined : result;
}

export function chooseIdvn(turn: Turn, id: string): boolean {
  if (id === IDVN.notCitizen) {
    runCheck(turn, { citizen: false, age: 20 });
    return true;
  }
  if (id === IDVN.citizenYes) {
    const step = turn.session.step;
    if (step.flow === 'idvn' && step.ask === 'citizenship' && step.ifCitizen !== undefined) showResult(turn, step.ifCitizen);
    else askBirth(turn);
    return true;
  }
  if (id === IDVN.noBirthDate) {
    const undetermined: CheckResult = { track: 'id.vn', outcome: 'undetermined', reason: 'idvn_birth_year_boundary' };
    say(turn, 'idvn.without_date');
    showResult(turn, undetermined);
    return true;
  }
  return false;
}

