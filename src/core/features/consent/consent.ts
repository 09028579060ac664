/**
 * The one consent question, asked after the first result. Yes stores the
 * person and their check; no (or moving on) keeps an anonymous count only.
 */
import { CONSENT } from './ids.js';
import { choice } from '../../message.js';
import type { PendingCheck } from '../../session.js';
import { nowIso, offer, say, write, type Turn } from '../../turn.js';
import { showMenu } from '../menu/menu.js';
import { showEligibleMenu } from '../outreach/domain-helper.js';
import { afterEligible } from '../outreach/followup.js';
import { offerWhy, writeCheck } from '../result/result.js';
import { askLocality } from '../locality/locality.js';

/**
 * A consent button pressed when no result waits for an answer (an old
 * message, a second tap): nothing is stored or changed, and the person is
 * told so honestly, with the menu.
 */
function consentExpired(turn: Turn): void {
  say(turn, 'safeguards.consent_expired');
  showMenu(turn);
}

export function grantConsent(turn: Turn, pending: PendingCheck | undefined): void {
  if (pending === undefined) return consentExpired(turn);
  const { session } = turn;
  write(turn, {
    type: 'person',
    patch: {
      consent: 'granted',
      consentAt: nowIso(turn),
      locale: session.locale,
      referrer: session.referrer,
      locality: session.locality,
    },
  });
  turn.session = { ...session, consent: 'granted' };
  writeCheck(turn, pending, false);
  say(turn, 'consent.granted');
  askLocality(turn);
  if (pending.outcome === 'eligible') afterEligible(turn, pending);
  else showMenu(turn);
  offerWhy(turn);
}

export function declineConsent(turn: Turn, pending: PendingCheck | undefined): void {
  if (pending === undefined) return consentExpired(turn);
  turn.session = { ...turn.session, consent: 'declined' };
  writeCheck(turn, pending, true);
  say(turn, 'consent.declined');
  if (pending.outcome === 'eligible') showEligibleMenu(turn, pending.track, 'common.menu_prompt');
  else showMenu(turn);
  offerWhy(turn);
}

/** The person moved on without answering: count the check anonymously, ask again next time. */
export function leaveConsentUnanswered(turn: Turn): void {
  const { step } = turn.session;
  if (step.flow !== 'consent') return;
  writeCheck(turn, step.pending, true);
  turn.session = { ...turn.session, step: { flow: 'menu' } };
}

export function askConsentAgain(turn: Turn): void {
  offer(turn, 'consent.ask', [choice(CONSENT.yes, 'consent.yes'), choice(CONSENT.no, 'consent.no')], {
    days: turn.deps.retentionDays,
  });
}
