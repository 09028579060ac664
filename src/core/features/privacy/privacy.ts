/**
 * /privacy, /mydata, /deletedata, /withdraw: the person's rights, on every channel.
 * Withdrawing consent and deleting are one act here: everything stored about a
 * person rests on their consent, so withdrawing deletes the person row (and
 * what hangs on it), starts a fresh conversation and leaves their checks as
 * anonymous counts.
 */
import { fold } from '../../choices.js';
import { PRIVACY } from './ids.js';
import { MENU } from '../menu/ids.js';
import { choice } from '../../message.js';
import { newSession } from '../../session.js';
import { offer, say, write, type Turn } from '../../turn.js';
import { leaveConsentUnanswered } from '../consent/consent.js';
import { showMenu } from '../menu/menu.js';

export function showPrivacy(turn: Turn): void {
  const withdraw = turn.session.consent === 'granted' ? [choice(PRIVACY.withdraw, 'privacy.withdraw_button')] : [];
  offer(
    turn,
    'privacy.summary',
    [choice(PRIVACY.myData, 'privacy.mydata_button'), ...withdraw, choice(PRIVACY.deleteData, 'privacy.delete_button'), choice(MENU.main, 'menu.main')],
    { days: turn.deps.retentionDays },
  );
}

const WITHDRAWAL = /\b(?:rut lai|rut|thu hoi|huy bo|huy|ngung|khong con)\s+(?:su\s+|loi\s+)?dong y\b|\b(?:withdraw|revoke)\b.*\bconsent\b/;

/** "rút lại đồng ý", "hủy sự đồng ý", "withdraw my consent"… typed instead of /withdraw. */
export function asksToWithdraw(typed: string): boolean {
  return typed.length <= 120 && WITHDRAWAL.test(fold(typed));
}

/** Consent withdrawal: confirm, then the same erasure as /deletedata. */
export function askWithdraw(turn: Turn): void {
  leaveConsentUnanswered(turn);
  turn.session = { ...turn.session, step: { flow: 'forget', ask: 'confirm' } };
  offer(turn, 'privacy.confirm_withdraw', [choice(PRIVACY.forgetYes, 'privacy.withdraw_yes'), choice(PRIVACY.forgetNo, 'privacy.confirm_no')]);
}

export function showMyData(turn: Turn): void {
  turn.requests.push({ type: 'my_data' });
}

export function askForget(turn: Turn): void {
  turn.session = { ...turn.session, step: { flow: 'forget', ask: 'confirm' } };
  offer(turn, 'privacy.confirm_delete', [choice(PRIVACY.forgetYes, 'privacy.confirm_yes'), choice(PRIVACY.forgetNo, 'privacy.confirm_no')]);
}

export function forget(turn: Turn): void {
  write(turn, { type: 'forget' });
  turn.session = { ...newSession(turn.session.locale) };
  say(turn, 'privacy.deleted');
  showMenu(turn);
}

export function keepData(turn: Turn): void {
  say(turn, 'privacy.kept');
  showMenu(turn);
}
