/** Slash commands, the same on every channel: /start [payload], /menu, /help, /lang, /privacy, /mydata, /deletedata, /withdraw. */
import { C } from '../choices.js';
import { choice, isLocale } from '../message.js';
import { offer, say, write, type Turn } from '../turn.js';
import { showMenu, showWelcome } from './menu.js';
import { askForget, askWithdraw, showMyData, showPrivacy } from './privacy.js';

/** A referral payload: 1–64 characters of [A-Za-z0-9_-] (Telegram deep-link rules). */
export const REFERRAL_CODE = /^[A-Za-z0-9_-]{1,64}$/;

export function adoptReferrer(turn: Turn, code: string | undefined): void {
  if (code === undefined || !REFERRAL_CODE.test(code) || turn.session.referrer !== null) return;
  // Only a code staff created counts (so a typed "code 0905…" is never stored); others are ignored quietly.
  const known = turn.context.referrer?.typed === code ? turn.context.referrer.code : undefined;
  if (known === undefined) return;
  turn.session = { ...turn.session, referrer: known };
  if (turn.session.consent === 'granted') write(turn, { type: 'person', patch: { referrer: known } });
}

export function setLocale(turn: Turn, value: string): void {
  const locale = value.toLowerCase();
  if (!isLocale(locale)) {
    offer(turn, 'common.lang_ask', [choice(C.langVi, 'menu.lang_vi'), choice(C.langEn, 'menu.lang_en')]);
    return;
  }
  turn.session = { ...turn.session, locale };
  if (turn.session.consent === 'granted') write(turn, { type: 'person', patch: { locale } });
  say(turn, 'common.lang_set');
  showMenu(turn);
}

/** Handles `/command args`; false when the text is not a known command. */
export function runCommand(turn: Turn, raw: string): boolean {
  const match = /^\/([a-z_]+)(?:@\w+)?(?:\s+(.*))?$/is.exec(raw.trim());
  if (!match) return false;
  const name = (match[1] ?? '').toLowerCase();
  const arg = (match[2] ?? '').trim();
  switch (name) {
    case 'start':
      adoptReferrer(turn, arg || undefined);
      showWelcome(turn);
      return true;
    case 'menu':
      showMenu(turn);
      return true;
    case 'help':
      showMenu(turn, 'common.help');
      return true;
    case 'lang':
    case 'language':
      setLocale(turn, arg);
      return true;
    case 'privacy':
      showPrivacy(turn);
      return true;
    case 'mydata':
      showMyData(turn);
      return true;
    case 'deletedata':
      askForget(turn);
      return true;
    case 'withdraw':
      askWithdraw(turn);
      return true;
    default:
      unknownCommand(turn);
      return true;
  }
}

/** The answer to a command the bot does not know; staff commands give exactly this to everyone else. */
export function unknownCommand(turn: Turn): void {
  say(turn, 'common.unknown_command');
  showMenu(turn);
}
