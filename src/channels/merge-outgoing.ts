/**
 * Joins a turn's consecutive plain replies into one chat message when they fit
 * (a result, its next steps and the consent question arrive as one bubble).
 * Fewer messages mean fewer notifications, and they stay within Telegram's
 * ~1 message/s per chat and Zalo's outgoing throttle. A reply with choices
 * ends a group (its buttons belong under it); attachments stay on their own.
 */
import type { Outgoing } from '../core/message.js';

export function mergeOutgoing(messages: readonly Outgoing[], maxChars: number): Outgoing[] {
  const merged: Outgoing[] = [];
  for (const message of messages) {
    const previous = merged.at(-1);
    const joinable =
      previous !== undefined &&
      previous.attachment === undefined &&
      message.attachment === undefined &&
      (previous.choices === undefined || previous.choices.length === 0) &&
      previous.text.length + 2 + message.text.length <= maxChars;
    if (joinable) merged[merged.length - 1] = { ...message, text: `${previous.text}\n\n${message.text}` };
    else merged.push(message);
  }
  return merged;
}
