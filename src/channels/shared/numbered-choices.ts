/**
 * Outgoing → the plain texts shown by channels without buttons (Zalo personal
 * account, Zalo Bot Platform, and the Zalo OA's text fallback): choices become numbered lines plus a localized "Bạn nhắn 1, 2 hoặc 3"
 * line; the engine remembers what it offered and resolves "2" or the label
 * typed back, so nothing here needs to map answers.
 */
import type { Locale, Outgoing } from '../../core/message.js';
import type { Translate } from '../../i18n.js';
import { splitText } from './split-text.js';

/**
 * Longest text sent in one message. Zalo documents no limit for personal
 * chats; its Official Account API caps text at 2,000 characters, and shorter
 * messages read better on a phone, so we split at 2,000 too.
 */
export const ZALO_MAX_TEXT = 2_000;

/** Up to this many choices are listed one by one ("1, 2, 3 hoặc 4"); more become a range. */
const LISTED_CHOICES = 4;

export function choicePrompt(t: Translate, locale: Locale, count: number): string {
  if (count <= 1) return t(locale, 'zalo.choices.one');
  if (count === 2) return t(locale, 'zalo.choices.two');
  const last = String(count);
  if (count > LISTED_CHOICES) return t(locale, 'zalo.choices.range', { last });
  const list = Array.from({ length: count - 1 }, (_, i) => String(i + 1)).join(', ');
  return t(locale, 'zalo.choices.list', { list, last });
}

/** The message text with its choices appended as "1. …" lines and the prompt. */
export function renderText(out: Outgoing, prompt: (count: number) => string): string {
  const choices = out.choices ?? [];
  if (choices.length === 0) return out.text;
  const lines = choices.map((choice, i) => `${i + 1}. ${choice.label}`);
  const head = out.text.trim().length > 0 ? `${out.text}\n\n` : '';
  return `${head}${lines.join('\n')}\n\n${prompt(choices.length)}`;
}

/** The texts to send for one reply: split to Zalo's size, the numbered choices and prompt kept together at the end. */
export function renderOutgoing(out: Outgoing, prompt: (count: number) => string, max: number = ZALO_MAX_TEXT): string[] {
  const choices = out.choices ?? [];
  if (choices.length === 0) return splitText(out.text, max);
  const chunks = splitText(out.text, max);
  const menu = renderText({ text: '', choices }, prompt);
  const last = chunks.at(-1);
  if (last !== undefined && last.length + 2 + menu.length <= max) return [...chunks.slice(0, -1), `${last}\n\n${menu}`];
  return [...chunks, ...splitText(menu, max)];
}
