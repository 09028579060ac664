/**
 * Questions about the result just given (issue #17): "còn mấy ngày", "hạn cuối là ngày nào",
 * "thứ Hai tuần sau có kịp không" (from the last eligible day kept for a few turns), and the
 * 29 February rule ("sinh 29/2 thì sinh nhật 24 tuổi tính ngày nào"), answered any time.
 */
import { addDays, addYears, daysBetween, formatDateVi, isLeapYear, splitDate } from '../../calendar.js';
import type { Understanding } from '../../nlu/types.js';
import type { Session } from '../../session.js';
import { say, type Turn } from '../../turn.js';
import { reprompt } from '../shared/reprompt.js';
import { ruleParams } from './rule-source.js';

/** The last result is kept for a few turns only: each turn without a new one uses one up. */
export function ageLastResult(previous: Session | undefined, turn: Turn): void {
  const kept = turn.session.lastResult;
  if (kept === undefined || kept !== previous?.lastResult) return;
  const { lastResult: _dropped, ...rest } = turn.session;
  turn.session = kept.turns <= 1 ? rest : { ...turn.session, lastResult: { ...kept, turns: kept.turns - 1 } };
}

function answerLeap(turn: Turn, u: Understanding): void {
  const { idvnMinAge, idvnMaxAge } = turn.deps.data.rules;
  const given = u.entities.birthDate?.endsWith('-02-29') === true ? u.entities.birthDate : undefined;
  // Without a year: the latest leap year whose 29 February makes someone about 20 today.
  let year = splitDate(turn.today).year - 20;
  while (!isLeapYear(year)) year -= 1;
  const birth = given ?? `${year}-02-29`;
  const end = addYears(birth, idvnMaxAge + 1);
  say(turn, 'result.leap_rule', {
    ...ruleParams(turn.deps.data),
    example: String(splitDate(birth).year),
    start: formatDateVi(addYears(birth, idvnMinAge)),
    birthday: formatDateVi(end),
    until: formatDateVi(addDays(end, -1)),
  });
}

/** True when the message asked about the result (or the 29 February rule) and was answered. */
export function answerResultQuestion(turn: Turn, u: Understanding): boolean {
  const question = u.signals.resultQuestion;
  if (question === undefined) return false;
  const inFlow = turn.session.step.flow === 'idvn' || turn.session.step.flow === 'bizvn';
  if (question.kind === 'leap_birthday') {
    answerLeap(turn, u);
    if (inFlow) reprompt(turn);
    return true;
  }
  const last = turn.session.lastResult;
  if (last === undefined || last.outcome !== 'eligible') return false;
  const until = last.until;
  if (until === undefined) {
    say(turn, last.track === 'id.vn' ? 'result.ask_until_idvn' : 'result.ask_until_biz', ruleParams(turn.deps.data));
    return true;
  }
  const days = daysBetween(turn.today, until);
  const params = { until: formatDateVi(until), days };
  if (question.kind === 'in_time') {
    const asked = { ...params, date: formatDateVi(question.date) };
    say(turn, question.date <= until ? 'result.in_time_yes' : 'result.in_time_no', asked);
  } else if (days === 0) say(turn, 'result.lead_today');
  else say(turn, question.kind === 'days_left' ? 'result.days_left' : 'result.last_day', params);
  // The answer does not use up the result: a second question may follow.
  turn.session = { ...turn.session, lastResult: { ...last } };
  return true;
}
