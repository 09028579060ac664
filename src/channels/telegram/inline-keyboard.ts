/**
 * Choices → inline keyboard. callback_data is the choice id as-is; the core
 * already limits ids to 64 bytes, checked again here so a bad id fails loudly.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import { MAX_CHOICE_ID_BYTES, type Outgoing } from '../../core/message.js';

type RenderedChoice = NonNullable<Outgoing['choices']>[number];

/** Labels up to this many characters sit two to a row. */
export const SHORT_LABEL = 16;

export function toInlineKeyboard(choices: readonly RenderedChoice[]): InlineKeyboardMarkup {
  const buttons: InlineKeyboardButton[] = choices.map(({ id, label }) => {
    const bytes = new TextEncoder().encode(id).length;
    if (bytes === 0 || bytes > MAX_CHOICE_ID_BYTES) {
      throw new Error(
        `Choice id "${id}" is ${bytes} bytes; Telegram callback_data needs 1–${MAX_CHOICE_ID_BYTES}. Shorten the id (the label can stay long).`,
      );
    }
    return { text: label, callback_data: id };
  });
  const short = buttons.length > 1 && choices.every((c) => [...c.label].length <= SHORT_LABEL);
  const perRow = short ? 2 : 1;
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return { inline_keyboard: rows };
}
