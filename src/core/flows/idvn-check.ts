/** The id.vn check: one question (date of birth, or age), then the result. */
import { C } from '../choices.js';
import { checkEligibility } from '../eligibility/index.js';
import type { CheckResult } from '../eligibility/types.js';
import { choice } from '../message.js';
import type { Understanding } from '../nlu/types.js';
import { offer, say, type Turn } from '../turn.js';
import { showResult } from './result.js';

export function askBirth(turn: Turn, key = 'idvn.ask_birth', params?: Record<string, string | number>): void {
  turn.session = { ...turn.session, step: { flow: 'idvn', ask: 'birth' } };
  offer(turn, key, [choice(C.notCitizen, 'idvn.not_citizen'), choice(C.noBirthDate, 'idvn.no_date'), choice(C.menu, 'menu.main')], params);
}

export function hasIdvnFacts(u: Understanding): boolean {
  const { entities: e, signals: s } = u;
  return e.birthDate !== undefined || e.age !== undefined || e.birthYear !== undefined || s.impossibleDate !== undefined || s.foreigner === true;
}

export function startIdvn(turn: Turn, u?: Understanding): void {
  if (u && hasIdvnFacts(u) && answerIdvn(turn, u)) return;
  askBirth(turn);
}

function runCheck(turn: Turn, facts: { birthDate?: string; age?: number; birthYear?: number; citizen?: boolean }): void {
  const result = checkEligibility({ track: 'id.vn', ...facts }, turn.today, turn.deps.data.program.window, turn.deps.data.rules);
  if ('invalid' in result) {
    askBirth(turn, `idvn.invalid_${result.invalid}`);
    return;
  }
  if (result.outcome === 'undetermined' && facts.birthYear !== undefined) {
    askBirth(turn, 'idvn.ask_full_date', { year: facts.birthYear });
    return;
  }
  showResult(turn, result);
}

/** Answers the birth question from free text; false when the text holds no answer. */
export function answerIdvn(turn: Turn, u: Understanding): boolean {
  const { entities: e, signals: s } = u;
  if (s.foreigner === true) {
    runCheck(turn, { citizen: false, age: e.age ?? 20 });
    return true;
  }
  if (s.impossibleDate !== undefined && e.birthDate === undefined) {
    askBirth(turn, 'idvn.invalid_impossible_date', { date: s.impossibleDate });
    return true;
  }
  const date = e.birthDate ?? (turn.session.step.flow === 'idvn' ? e.establishedDate : undefined);
  if (date !== undefined) runCheck(turn, { birthDate: date });
  else if (e.age !== undefined) runCheck(turn, { age: e.age });
  else if (e.birthYear !== undefined) runCheck(turn, { birthYear: e.birthYear });
  else return false;
  return true;
}

export function chooseIdvn(turn: Turn, id: string): boolean {
  if (id === C.notCitizen) {
    runCheck(turn, { citizen: false, age: 20 });
    return true;
  }
  if (id === C.noBirthDate) {
    const undetermined: CheckResult = { track: 'id.vn', outcome: 'undetermined', reason: 'idvn_birth_year_boundary' };
    say(turn, 'idvn.without_date');
    showResult(turn, undetermined);
    return true;
  }
  return false;
}
