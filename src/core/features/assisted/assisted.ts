/**
 * Assisted mode (issue #11): a team member or referrer ("helper") checks on
 * behalf of someone sitting with them — "/hotro". The helper types the
 * person's answers into the ordinary id.vn / biz.vn questions; the result
 * comes with a summary to forward to the person, then "Người dân đã đồng ý
 * cho lưu kết quả chưa?" (asked aloud, confirmed by the helper).
 *
 * The person never gets a person row, and the check never an address:
 * consent given → counted and credited to the helper (their referral code, or
 * their address as `helper`); refused or left unanswered → counted, uncredited.
 * Checks follow one another until "Thoát chế độ hỗ trợ" (or leaving the flow).
 */
import { ASSIST } from './ids.js';
import { IDVN } from '../idvn/ids.js';
import { BIZVN } from '../bizvn/ids.js';
import type { CheckResult } from '../../eligibility/types.js';
import { choice, text } from '../../message.js';
import type { Understanding } from '../../nlu/types.js';
import type { PendingCheck, Session } from '../../session.js';
import { offer, say, write, type Turn } from '../../turn.js';
import { unknownCommand } from '../menu/commands.js';
import { showMenu } from '../menu/menu.js';
import { ruleLine } from '../result/rule-source.js';
import { resultKey } from '../result/result-key.js';
import { rolesOf } from '../staff/staff-commands.js';


/** The flows an assisted check runs through; ending anywhere else ends the mode. */
const ASSISTED_FLOWS: readonly string[] = ['assisted', 'idvn', 'bizvn'];

/** Admins, team members and referrers may help in person. */
export function isHelper(turn: Turn): boolean {
  return rolesOf(turn).size > 0;
}

function count(turn: Turn): number {
  return turn.session.assist?.n ?? 0;
}

function askTrack(turn: Turn, key = 'assisted.ask_track'): void {
  turn.session = { ...turn.session, step: { flow: 'assisted', ask: 'track' } };
  offer(turn, key, [choice(IDVN.check, 'assisted.check_idvn'), choice(BIZVN.check, 'assisted.check_bizvn'), choice(ASSIST.exit, 'assisted.exit')], {
    n: count(turn) + 1,
  });
}

/** "/hotro" (or "/assist"): helpers enter the mode; anyone else gets the unknown-command answer. */
export function runAssistCommand(turn: Turn, raw: string): boolean {
  if (!/^\/(hotro|assist)(?:@\w+)?(?:\s|$)/i.test(raw.trim())) return false;
  if (!isHelper(turn)) {
    unknownCommand(turn);
    return true;
  }
  turn.session = { ...turn.session, assist: { n: count(turn) } };
  say(turn, 'assisted.intro');
  askTrack(turn);
  return true;
}

function pendingOf(result: CheckResult): PendingCheck {
  return { track: result.track, outcome: result.outcome, reason: result.reason };
}

/** Counts an assisted check: never an address; credited to the helper only with the person's consent. */
function store(turn: Turn, pending: PendingCheck, consented: boolean): void {
  write(turn, {
    type: 'check',
    track: pending.track,
    outcome: pending.outcome,
    reason: pending.reason,
    referrer: null,
    locality: null,
    anonymous: true,
    assisted: true,
    helper: consented ? turn.input.from : null,
  });
}

/**
 * In assisted mode the result goes into a summary the helper can forward
 * (result, rule, links), then the consent question; false outside the mode.
 */
export function showAssistedResult(turn: Turn, result: CheckResult, params: Record<string, string>): boolean {
  if (turn.session.assist === undefined) return false;
  if (!isHelper(turn)) {
    const { assist: _gone, ...rest } = turn.session;
    turn.session = rest;
    return false;
  }
  // A new result while the last one still waits for consent: the last one is counted, uncredited.
  const step = turn.session.step;
  if (step.flow === 'assisted' && step.ask === 'consent') store(turn, step.pending, false);
  const rule = ruleLine(turn.deps.data, result.reason);
  say(turn, 'assisted.summary', {
    ...params,
    result: text(resultKey(result), params),
    rule: rule ?? '',
  });
  turn.session = { ...turn.session, step: { flow: 'assisted', ask: 'consent', pending: pendingOf(result) } };
  askConsent(turn);
  return true;
}

export function askConsent(turn: Turn): void {
  offer(turn, 'assisted.ask_consent', [choice(ASSIST.yes, 'assisted.consent_yes'), choice(ASSIST.no, 'assisted.consent_no')]);
}

function answerConsent(turn: Turn, consented: boolean): void {
  const step = turn.session.step;
  if (step.flow !== 'assisted' || step.ask !== 'consent') {
    say(turn, 'common.expired_choice');
    return turn.session.assist === undefined ? showMenu(turn) : askTrack(turn);
  }
  store(turn, step.pending, consented);
  const n = count(turn) + 1;
  turn.session = { ...turn.session, assist: { n }, step: { flow: 'assisted', ask: 'next' } };
  say(turn, consented ? 'assisted.saved' : 'assisted.not_saved');
  offer(turn, 'assisted.after', [choice(ASSIST.next, 'assisted.next'), choice(ASSIST.exit, 'assisted.exit')], { n });
}

function leave(turn: Turn): void {
  const { assist, ...rest } = turn.session;
  turn.session = rest;
  say(turn, 'assisted.left', { n: assist?.n ?? 0 });
  showMenu(turn);
}

export function chooseAssisted(turn: Turn, id: string): boolean {
  switch (id) {
    case ASSIST.yes:
    case ASSIST.no:
      answerConsent(turn, id === ASSIST.yes);
      return true;
    case ASSIST.next:
      if (turn.session.assist === undefined) return false;
      askTrack(turn);
      return true;
    case ASSIST.exit:
      leave(turn);
      return true;
    default:
      return false;
  }
}

/** "có" / "chưa" typed at the consent question; false for anything else (the check flows may take it). */
export function answerAssistedStep(turn: Turn, u: Understanding): boolean {
  const step = turn.session.step;
  if (step.flow !== 'assisted' || step.ask !== 'consent' || u.signals.yesNo === undefined) return false;
  if (u.entities.age !== undefined || u.entities.birthDate !== undefined) return false;
  answerConsent(turn, u.signals.yesNo);
  return true;
}

/** Asks again what the assisted step waits for. */
export function repromptAssisted(turn: Turn): void {
  const step = turn.session.step;
  if (step.flow !== 'assisted') return;
  if (step.ask === 'consent') return askConsent(turn);
  if (step.ask === 'next') return offer(turn, 'assisted.after', [choice(ASSIST.next, 'assisted.next'), choice(ASSIST.exit, 'assisted.exit')], { n: count(turn) });
  askTrack(turn);
}

/**
 * After every turn: a result left without the consent answer is counted,
 * uncredited; a turn that ends outside the check flows ends the mode (and says so).
 */
export function settleAssisted(previous: Session | undefined, turn: Turn): void {
  const before = previous?.step;
  const after = turn.session.step;
  const stored = turn.writes.some((w) => w.type === 'check' && w.assisted === true);
  if (before?.flow === 'assisted' && before.ask === 'consent' && !stored && !(after.flow === 'assisted' && after.ask === 'consent')) {
    store(turn, before.pending, false);
  }
  if (turn.session.assist !== undefined && !ASSISTED_FLOWS.includes(after.flow)) {
    const { assist, ...rest } = turn.session;
    turn.session = rest;
    turn.replies.unshift({ text: text('assisted.left', { n: assist.n }) });
  }
}
