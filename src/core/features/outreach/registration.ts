/**
 * Conversion tracking: "đã đăng ký", "mình đăng ký xong rồi nguyenvanan.id.vn".
 * The domain is checked with the naming rules and its suffix gives the track.
 * With consent the registration is the person's (domain kept); without it, an
 * anonymous count of the track only.
 */
import { MENU } from '../menu/ids.js';
import { checkName, findDomain, isRegistrationClaim, splitDomain } from '../../domain-name/index.js';
import type { Track } from '../../eligibility/types.js';
import { choice } from '../../message.js';
import type { Understanding } from '../../nlu/types.js';
import { offer, say, write, type Turn } from '../../turn.js';
import { explainInvalid } from './domain-helper.js';
import { showMenu } from '../menu/menu.js';
import { OUTREACH, trackOfChoice } from './ids.js';
import { freeUntilOf } from '../../renewal/dates.js';
import { offerRenewal } from '../renewal/renewal-flow.js';

function askWhich(turn: Turn, key = 'domain.registered_ask'): void {
  turn.session = { ...turn.session, step: { flow: 'registered' } };
  offer(turn, key, [
    choice(OUTREACH.registeredIdvn, 'domain.registered_idvn'),
    choice(OUTREACH.registeredBizvn, 'domain.registered_bizvn'),
    choice(MENU.main, 'menu.main'),
  ]);
}

/** Records one registration; a second claim for the same track is thanked, not counted again. */
export function recordRegistration(turn: Turn, track: Track, domain: string | null): void {
  const consent = turn.session.consent === 'granted';
  const already = turn.session.registered ?? [];
  if (already.includes(track)) {
    say(turn, 'domain.registered_already', { track });
    return showMenu(turn);
  }
  write(turn, {
    type: 'registration',
    track,
    domain: consent ? domain : null,
    referrer: turn.session.referrer,
    locality: turn.session.locality,
    anonymous: !consent,
    freeUntil: freeUntilOf(turn.today, turn.deps.data),
  });
  if (consent) write(turn, { type: 'followups_cancel', scope: 'reminders' });
  turn.session = { ...turn.session, registered: [...already, track] };
  if (domain === null) say(turn, 'domain.registered_track', { track });
  else say(turn, consent ? 'domain.registered_thanks' : 'domain.registered_thanks_anonymous', { domain });
  // Issue #22: with consent, reminders before the free period ends are offered (opt-in).
  offerRenewal(turn, track);
}

/** Checks the typed domain; a valid one is recorded, an invalid one explained and asked again. */
export function registerDomain(turn: Turn, typed: string, track: Track): void {
  const checked = checkName(typed, track);
  if (checked.ok) return recordRegistration(turn, checked.track, checked.domain);
  explainInvalid(turn, typed.trim(), checked.violations, checked.fixed);
  askWhich(turn, 'domain.registered_ask_again');
}

/** A registration claim in free text; false when the text is not one. */
export function claimRegistration(turn: Turn, raw: string): boolean {
  if (!isRegistrationClaim(raw)) return false;
  const found = findDomain(raw);
  if (found) registerDomain(turn, found.typed, found.track);
  else askWhich(turn);
  return true;
}

/** The answer to "which domain did you register?". */
export function answerRegisteredStep(turn: Turn, raw: string, u: Understanding): boolean {
  if (turn.session.step.flow !== 'registered') return false;
  const typed = raw.trim();
  const found = findDomain(typed);
  if (found) {
    registerDomain(turn, found.typed, found.track);
    return true;
  }
  if (!/\s/.test(typed) && !splitDomain(typed, 'id.vn').suffixed && u.signals.yesNo === undefined) {
    askWhich(turn, 'domain.registered_need_suffix');
    return true;
  }
  if (u.signals.yesNo === false) {
    say(turn, 'domain.registered_not_yet');
    showMenu(turn);
    return true;
  }
  return false;
}

export function chooseRegistered(turn: Turn, id: string): boolean {
  const track = trackOfChoice(id, OUTREACH.registeredIdvn, OUTREACH.registeredBizvn);
  if (track === undefined) return false;
  recordRegistration(turn, track, null);
  return true;
}
