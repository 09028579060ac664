/** /privacy, /mydata, /deletedata: the person's rights, on every channel. */
import { C } from '../choices.js';
import { choice } from '../message.js';
import { newSession } from '../session.js';
import { offer, say, write, type Turn } from '../turn.js';
import { showMenu } from './menu.js';

export function showPrivacy(turn: Turn): void {
  offer(
    turn,
    'privacy.summary',
    [choice(C.myData, 'privacy.mydata_button'), choice(C.deleteData, 'privacy.delete_button'), choice(C.menu, 'menu.main')],
    { days: turn.deps.retentionDays },
  );
}

export function showMyData(turn: Turn): void {
  turn.requests.push({ type: 'my_data' });
}

export function askForget(turn: Turn): void {
  turn.session = { ...turn.session, step: { flow: 'forget', ask: 'confirm' } };
  offer(turn, 'privacy.confirm_delete', [choice(C.forgetYes, 'privacy.confirm_yes'), choice(C.forgetNo, 'privacy.confirm_no')]);
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
