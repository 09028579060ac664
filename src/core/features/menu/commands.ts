/**
 * The general slash commands, the same on every channel: /start [payload], /menu, /help, and
 * the answer to a command nobody knows. /lang, /privacy, /mydata… belong to their features.
 */
import { parseCommand } from '../../feature.js';
import { say, write, type Turn } from '../../turn.js';
import { showMenu, showWelcome } from './menu.js';

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

/** /start [payload], /menu, /help, and any command no feature names (the unknown-command answer); false when `raw` is not a command. */
export function runCommand(turn: Turn, raw: string): boolean {
  const command = parseCommand(raw);
  if (command === undefined) return false;
  switch (command.name) {
    case 'start':
      adoptReferrer(turn, command.args || undefined);
      showWelcome(turn);
      return true;
    case 'menu':
      showMenu(turn);
      return true;
    case 'help':
      showMenu(turn, 'common.help');
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
