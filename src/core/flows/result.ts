/**
 * Shows a check's result with precise next steps, then records it: with the
 * person's consent as theirs, otherwise as an anonymous count only.
 */
import { formatDateVi } from '../calendar.js';
import { C } from '../choices.js';
import type { CheckResult } from '../eligibility/types.js';
import { choice } from '../message.js';
import { formatVnd } from '../program.js';
import type { PendingCheck } from '../session.js';
import { offer, say, write, type Turn } from '../turn.js';
import { showMenu } from './menu.js';
import { afterEligible } from './followup.js';
import { showAssistedResult } from './assisted.js';
import { ruleLine, ruleParams } from './rule-source.js';
import { funnelWrite } from '../funnel.js';

export function resultKey(result: CheckResult): string {
  if (result.reason === 'idvn_age_in_range' && result.until === undefined) return 'result.idvn_age_in_range_no_date';
  if (result.reason === 'idvn_under_18' && result.from === undefined) return 'result.idvn_under_18_no_date';
  if (result.reason === 'bizvn_enterprise_over_year' && result.until === undefined) return 'result.bizvn_enterprise_over_year_no_date';
  return `result.${result.reason}`;
}

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

export function showResult(turn: Turn, result: CheckResult): void {
  const params: Record<string, string> = { ...resultParams(turn) };
  if (result.until) params['until'] = formatDateVi(result.until);
  if (result.from) params['from'] = formatDateVi(result.from);
  if (showAssistedResult(turn, result, params)) return;
  write(turn, funnelWrite(turn, 'result_shown', result.track));
  say(turn, resultKey(result), params);
  const rule = ruleLine(turn.deps.data, result.reason);
  if (rule !== undefined) turn.replies.push({ text: rule });
  if (result.outcome === 'eligible') {
    say(turn, result.track === 'id.vn' ? 'result.next_steps_idvn' : 'result.next_steps_bizvn', params);
  }
  // An eligible enterprise's last day is kept for the deadline reminders (never an id.vn date: it would reveal a birthday).
  const deadline = result.reason === 'bizvn_enterprise_within_year' && result.until ? { deadline: result.until } : {};
  record(turn, { track: result.track, outcome: result.outcome, reason: result.reason, ...deadline });
}

function record(turn: Turn, pending: PendingCheck): void {
  const consent = turn.session.consent;
  if (consent === null) {
    turn.session = { ...turn.session, step: { flow: 'consent', pending } };
    offer(turn, 'consent.ask', [choice(C.consentYes, 'consent.yes'), choice(C.consentNo, 'consent.no')], {
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
