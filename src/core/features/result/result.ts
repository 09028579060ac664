/**
 * Shows a check's result with precise next steps, then records it: with the
 * person's consent as theirs, otherwise as an anonymous count only.
 */
import { daysBetween, formatDateVi } from '../../calendar.js';
import { RESULT } from './ids.js';
import { CONSENT } from '../consent/ids.js';
import type { CheckResult } from '../../eligibility/types.js';
import { choice, text, type Text } from '../../message.js';
import { joinLines } from '../shared/lines.js';
import { formatVnd } from '../../program.js';
import type { PendingCheck } from '../../session.js';
import { offer, say, write, type Turn } from '../../turn.js';
import { showMenu } from '../menu/menu.js';
import { afterEligible } from '../outreach/followup.js';
import { showAssistedResult } from '../assisted/assisted.js';
import { ruleLine, ruleParams, ruleSource } from './rule-source.js';
import { funnelWrite } from '../../funnel.js';
import { resultKey } from './result-key.js';

export function resultParams(turn: Turn): Record<string, string> {
  const { data } = turn.deps;
  return {
    portal: data.links.portal,
    whois: data.links.whois,
    registrars: data.registrars.map((r) => `${r.name}: ${r.url}`).join('\n'),
    office: data.contacts.office,
    idvnReg: formatVnd(data.fees.idvn.registration),
    idvnYearly: formatVnd(data.fees.idvn.yearly),
    bizvnReg: formatVnd(data.fees.bizvn.registration),
    bizvnYearly: formatVnd(data.fees.bizvn.yearly),
    start: formatDateVi(data.program.window.start),
    end: formatDateVi(data.program.window.end),
    years: String(data.program.freeYears),
    ...ruleParams(data),
  };
}

/** Outside the program's window the offer is not open: say so instead of asking questions. */
export function programClosed(turn: Turn): boolean {
  const { start, end } = turn.deps.data.program.window;
  if (start <= turn.today && turn.today <= end) return false;
  say(turn, 'result.program_not_open', resultParams(turn));
  showMenu(turn, 'result.what_next');
  return true;
}

/** Days from today to the last day, when it is a week away or less (0 = today): said first. */
function deadlineLead(turn: Turn, result: CheckResult): { key: string; days: number } | undefined {
  if (result.outcome !== 'eligible' || result.until === undefined) return undefined;
  const days = daysBetween(turn.today, result.until);
  if (days === 0) return { key: 'result.lead_today', days };
  if (days > 0 && days <= 7) return { key: 'result.lead_soon', days };
  return undefined;
}

/**
 * The result in one short message (issue #17): the outcome, the last day said one way
 * ("đến hết ngày 07/12/2026", today or "còn N ngày" first), where to register; the rule and
 * its source wait behind "Vì sao? / Nguồn". `lead` is said first (e.g. "tuần sau tròn 24").
 */
export type ResultExtras = { lead?: Text; note?: Text; key?: string; params?: Record<string, string> };

export function showResult(turn: Turn, result: CheckResult, extras: ResultExtras = {}): void {
  const { lead, note } = extras;
  const params: Record<string, string> = { ...resultParams(turn), ...extras.params };
  if (result.until) params['until'] = formatDateVi(result.until);
  if (result.from) params['from'] = formatDateVi(result.from);
  if (showAssistedResult(turn, result, params)) return;
  write(turn, funnelWrite(turn, 'result_shown', result.track));
  const lines: Text[] = [];
  const soon = deadlineLead(turn, result);
  if (soon !== undefined) lines.push(text(soon.key, { days: soon.days }));
  if (lead !== undefined) lines.push(lead);
  lines.push(text(extras.key ?? resultKey(result), params));
  if (note !== undefined) lines.push(note);
  if (result.outcome === 'eligible') lines.push(text(result.track === 'id.vn' ? 'result.next_short_idvn' : 'result.next_short_bizvn', params));
  turn.replies.push({ text: joinLines(lines) });
  turn.session = { ...turn.session, lastResult: lastResultOf(result) };
  // An eligible enterprise's last day is kept for the deadline reminders (never an id.vn date: it would reveal a birthday).
  const deadline = result.reason === 'bizvn_enterprise_within_year' && result.until ? { deadline: result.until } : {};
  record(turn, { track: result.track, outcome: result.outcome, reason: result.reason, ...deadline });
  offerWhy(turn);
}

/** Kept for questions about the result for a few turns only (see Session.lastResult). */
export const LAST_RESULT_TURNS = 3;

function lastResultOf(result: CheckResult): NonNullable<Turn['session']['lastResult']> {
  const kept: NonNullable<Turn['session']['lastResult']> = { track: result.track, outcome: result.outcome, reason: result.reason, turns: LAST_RESULT_TURNS };
  if (result.until !== undefined) kept.until = result.until;
  return kept;
}

/**
 * "Vì sao? / Nguồn" joins the last choices of the turn (never a question of its own). The
 * consent question keeps exactly its two answers (the `chat --jsonl` contract): there it comes
 * with the choices that follow the answer (features/consent/consent.ts).
 */
export function offerWhy(turn: Turn): void {
  const why = choice(RESULT.why, 'result.why');
  const at = turn.replies.findLastIndex((r) => r.choices !== undefined && r.choices.length > 0);
  const last = turn.replies[at];
  if (last?.choices?.some((c) => c.id === CONSENT.yes || c.id === RESULT.why) === true) return;
  if (last === undefined) {
    offer(turn, 'result.why_prompt', [why]);
    return;
  }
  const choices = [...(last.choices ?? []), why];
  turn.replies[at] = { ...last, choices };
  turn.session = { ...turn.session, offered: choices };
}

/** The rule behind the last result and its source (the "Vì sao? / Nguồn" choice). */
export function showWhy(turn: Turn): void {
  const reason = turn.session.lastResult?.reason;
  const rule = reason === undefined ? undefined : ruleLine(turn.deps.data, reason);
  if (rule !== undefined) {
    turn.replies.push({ text: rule });
    return;
  }
  say(turn, 'result.why_general', { ...resultParams(turn), source: ruleSource(turn.deps.data) });
}

function record(turn: Turn, pending: PendingCheck): void {
  const consent = turn.session.consent;
  if (consent === null) {
    turn.session = { ...turn.session, step: { flow: 'consent', pending } };
    offer(turn, 'consent.ask', [choice(CONSENT.yes, 'consent.yes'), choice(CONSENT.no, 'consent.no')], {
      days: turn.deps.retentionDays,
    });
    return;
  }
  writeCheck(turn, pending, consent !== 'granted');
  if (pending.outcome === 'eligible') return afterEligible(turn, pending);
  showMenu(turn, 'result.what_next');
}

export function writeCheck(turn: Turn, pending: PendingCheck, anonymous: boolean): void {
  write(turn, {
    type: 'check',
    track: pending.track,
    outcome: pending.outcome,
    reason: pending.reason,
    referrer: turn.session.referrer,
    locality: turn.session.locality,
    anonymous,
  });
}
