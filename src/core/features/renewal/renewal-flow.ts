/**
 * The renewal conversation (issue #22), opt-in only: after a registration is
 * recorded (with consent) the bot offers reminders before the free period
 * ends, asks the registration day when it was not today (a day in the future
 * or before the program opened gets a clear question back, nothing stored),
 * answers "hết hạn miễn phí khi nào" and records "đã gia hạn".
 */
import { RENEWAL } from './ids.js';
import { formatDateVi, vietnamDay, type IsoDate } from '../../calendar.js';
import { MENU } from '../menu/ids.js';
import type { Track } from '../../eligibility/types.js';
import { choice } from '../../message.js';
import type { Understanding } from '../../nlu/types.js';
import { formatVnd } from '../../program.js';
import { offer, say, write, type Turn } from '../../turn.js';
import { showMenu } from '../menu/menu.js';
import { freeUntilOf, registrationDateProblem, reminderTimes, renewalSettings } from '../../renewal/dates.js';
import { asksFreeUntil, asksReminders, renewedClaim, typedDate } from '../../renewal/detect.js';



function daysText(turn: Turn): string {
  return renewalSettings(turn.deps.data).daysBefore.join(', ');
}

/** After a registration with consent: "do you want reminders before the free period ends?" */
export function offerRenewal(turn: Turn, track: Track): void {
  if (turn.session.consent !== 'granted') return showMenu(turn);
  turn.session = { ...turn.session, step: { flow: 'renewal', ask: 'optin', track } };
  offer(turn, 'renewal.offer', [choice(RENEWAL.yes, 'renewal.yes'), choice(RENEWAL.otherDay, 'renewal.other_day'), choice(RENEWAL.no, 'renewal.no')], {
    years: turn.deps.data.program.freeYears,
    today: formatDateVi(turn.today),
    until: formatDateVi(freeUntilOf(turn.today, turn.deps.data)),
    days: daysText(turn),
  });
}

function askDate(turn: Turn, track: Track, key = 'renewal.ask_date', params?: Record<string, string>): void {
  turn.session = { ...turn.session, step: { flow: 'renewal', ask: 'date', track } };
  offer(turn, key, [choice(RENEWAL.no, 'renewal.no'), choice(MENU.main, 'menu.main')], params);
}

function feeParams(turn: Turn, track: Track, until: IsoDate): Record<string, string | number> {
  const fees = turn.deps.data.fees[track === 'id.vn' ? 'idvn' : 'bizvn'];
  return { track, until: formatDateVi(until), fee: formatVnd(fees.yearly), source: turn.deps.data.fees.source, registrars: turn.deps.data.links.registrars };
}

/** A registration day given: check it, then schedule the reminders still ahead (or say why none). */
function scheduleFrom(turn: Turn, track: Track, registeredOn: IsoDate): void {
  const { data } = turn.deps;
  const problem = registrationDateProblem(registeredOn, turn.today, data);
  if (problem === 'future') return askDate(turn, track, 'renewal.date_future', { date: formatDateVi(registeredOn) });
  if (problem === 'before_window') return askDate(turn, track, 'renewal.date_before_window', { date: formatDateVi(registeredOn), start: formatDateVi(data.program.window.start) });
  const until = freeUntilOf(registeredOn, data);
  if (until < turn.today) {
    say(turn, 'renewal.already_ended', feeParams(turn, track, until));
    return showMenu(turn);
  }
  const times = reminderTimes(until, turn.deps.clock.now(), renewalSettings(data));
  write(turn, { type: 'renewal_reminders', track, freeUntil: until, dueAt: times });
  if (times.length === 0) say(turn, 'renewal.ending_soon', feeParams(turn, track, until));
  else say(turn, 'renewal.scheduled', { until: formatDateVi(until), dates: times.map((t) => formatDateVi(vietnamDay(t))).join(', ') });
  showMenu(turn);
}

function decline(turn: Turn): void {
  say(turn, 'renewal.declined');
  showMenu(turn);
}

export function onRenewalChoice(turn: Turn, id: string): boolean {
  const step = turn.session.step;
  if (id === RENEWAL.renewedIdvn || id === RENEWAL.renewedBizvn) {
    recordRenewed(turn, id === RENEWAL.renewedIdvn ? 'id.vn' : 'biz.vn');
    return true;
  }
  if (id !== RENEWAL.yes && id !== RENEWAL.otherDay && id !== RENEWAL.no) return false;
  if (step.flow !== 'renewal' || step.ask === 'renewed_track') {
    say(turn, 'common.expired_choice');
    showMenu(turn);
    return true;
  }
  if (id === RENEWAL.no) decline(turn);
  else if (id === RENEWAL.otherDay) askDate(turn, step.track);
  else scheduleFrom(turn, step.track, turn.today);
  return true;
}

/** The answer to the offer or to "which day did you register?"; false when the text is about something else. */
export function answerRenewalStep(turn: Turn, text: string, u: Understanding): boolean {
  const step = turn.session.step;
  if (step.flow !== 'renewal' || step.ask === 'renewed_track') return false;
  const typed = typedDate(text, turn.today);
  if (typed?.kind === 'date') {
    scheduleFrom(turn, step.track, typed.date);
    return true;
  }
  if (typed !== undefined) {
    askDate(turn, step.track, typed.kind === 'impossible' ? 'renewal.date_impossible' : 'renewal.date_partial', { raw: typed.raw });
    return true;
  }
  if (u.signals.yesNo === false) {
    decline(turn);
    return true;
  }
  if (step.ask === 'optin' && u.signals.yesNo === true) {
    scheduleFrom(turn, step.track, turn.today);
    return true;
  }
  if (step.ask === 'date' && /\d/.test(text)) {
    askDate(turn, step.track, 'renewal.date_unreadable');
    return true;
  }
  return false;
}

/** "Đã gia hạn": counted once per track (anonymously without consent); the pending reminders end. */
export function recordRenewed(turn: Turn, track: Track): void {
  const consent = turn.session.consent === 'granted';
  const already = turn.session.renewed ?? [];
  if (already.includes(track)) {
    say(turn, 'renewal.renewed_already', { track });
    return showMenu(turn);
  }
  write(turn, { type: 'renewal_reported', track, locality: turn.session.locality, anonymous: !consent });
  turn.session = { ...turn.session, renewed: [...already, track] };
  say(turn, consent ? 'renewal.renewed_thanks' : 'renewal.renewed_thanks_anonymous', { track });
  showMenu(turn);
}

function answerRenewed(turn: Turn, said: Track | undefined): void {
  const registered = turn.session.registered ?? [];
  const track = said ?? (registered.length === 1 ? registered[0] : undefined);
  if (track !== undefined) return recordRenewed(turn, track);
  turn.session = { ...turn.session, step: { flow: 'renewal', ask: 'renewed_track' } };
  offer(turn, 'renewal.renewed_which', [choice(RENEWAL.renewedIdvn, 'renewal.renewed_idvn'), choice(RENEWAL.renewedBizvn, 'renewal.renewed_bizvn'), choice(MENU.main, 'menu.main')]);
}

/** "Hết hạn miễn phí khi nào": with a registration day typed, the date now; else from storage (the runner). */
function answerWhen(turn: Turn, text: string): void {
  const typed = typedDate(text, turn.today);
  if (typed?.kind === 'date') {
    const problem = registrationDateProblem(typed.date, turn.today, turn.deps.data);
    if (problem !== undefined) {
      say(turn, problem === 'future' ? 'renewal.when_future' : 'renewal.when_before_window', { date: formatDateVi(typed.date), start: formatDateVi(turn.deps.data.program.window.start) });
      return showMenu(turn);
    }
    const until = freeUntilOf(typed.date, turn.deps.data);
    say(turn, until < turn.today ? 'renewal.when_given_ended' : 'renewal.when_given', { date: formatDateVi(typed.date), until: formatDateVi(until), years: turn.deps.data.program.freeYears });
    return showMenu(turn);
  }
  turn.requests.push({ type: 'renewal_when', at: turn.replies.length });
  showMenu(turn);
}

/**
 * Whatever the step: the renewal questions and claims, then the answer to
 * this feature's own question. False when the text is none of these.
 */
export function onRenewalText(turn: Turn, text: string, u: Understanding): boolean {
  if (asksFreeUntil(text, turn.today)) {
    answerWhen(turn, text);
    return true;
  }
  const renewed = renewedClaim(text);
  if (renewed !== undefined) {
    answerRenewed(turn, renewed.track);
    return true;
  }
  const optIn = asksReminders(text);
  if (optIn !== undefined) {
    if (turn.session.consent !== 'granted') {
      say(turn, 'renewal.needs_consent');
      showMenu(turn);
    } else offerRenewal(turn, optIn.track ?? turn.session.registered?.[0] ?? 'id.vn');
    return true;
  }
  return answerRenewalStep(turn, text, u);
}
