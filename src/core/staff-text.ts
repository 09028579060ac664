/**
 * Staff text (a handoff answer, a broadcast) is relayed whole or not at all
 * (issue #18): the engine reads only the first MAX_INPUT_CHARS characters to
 * understand a message, but what staff write to people is never cut. Over
 * MAX_STAFF_TEXT_CHARS (the broadcasts table's limit; Telegram splits a long
 * message into parts) it is refused with a message saying so, and nothing is
 * sent.
 */
import { say, type Turn } from './turn.js';

export const MAX_STAFF_TEXT_CHARS = 4000;

/** True (and the refusal said) when `text` is too long to relay; false when it may go. */
export function refuseLongStaffText(turn: Turn, text: string): boolean {
  if (text.length <= MAX_STAFF_TEXT_CHARS) return false;
  say(turn, 'safeguards.staff_text_too_long', { length: text.length, max: MAX_STAFF_TEXT_CHARS });
  return true;
}
