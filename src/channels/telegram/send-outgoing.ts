/**
 * Outgoing → Bot API calls. Per message: the text (split under 4,096 chars),
 * then the attachment (sendPhoto / sendDocument with its caption; a caption
 * over 1,024 chars follows as text). The choices' inline keyboard goes on the
 * last call, so the buttons sit under the last thing the person sees.
 * Text is sent with parse_mode HTML and escaped, so engine text shows as typed.
 */
import { InputFile, type Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Outgoing } from '../../core/message.js';
import { mergeOutgoing } from '../merge-outgoing.js';
import { escapeHtml } from './html.js';
import { toInlineKeyboard } from './inline-keyboard.js';
import { splitText } from '../shared/split-text.js';

/** Telegram's limits in UTF-16 units: a message, a caption. */
export const MAX_MESSAGE_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;

type Step = (markup: InlineKeyboardMarkup | undefined) => Promise<unknown>;

function textStep(api: Api, chatId: number, piece: string): Step {
  return (markup) =>
    api.sendMessage(chatId, escapeHtml(piece), {
      parse_mode: 'HTML',
      ...(markup ? { reply_markup: markup } : {}),
    });
}

function attachmentSteps(api: Api, chatId: number, attachment: NonNullable<Outgoing['attachment']>): Step[] {
  const caption = attachment.caption?.trim() ?? '';
  const fits = caption.length <= MAX_CAPTION_LENGTH;
  const file: Step = (markup) => {
    const other = {
      ...(fits && caption.length > 0 ? { caption: escapeHtml(caption), parse_mode: 'HTML' as const } : {}),
      ...(markup ? { reply_markup: markup } : {}),
    };
    const input = new InputFile(attachment.data, attachment.name);
    return attachment.kind === 'image' ? api.sendPhoto(chatId, input, other) : api.sendDocument(chatId, input, other);
  };
  const overflow = fits ? [] : splitText(caption, MAX_MESSAGE_LENGTH).map((piece) => textStep(api, chatId, piece));
  return [file, ...overflow];
}

/** Sends one rendered reply; throws the Bot API error of the first call that fails. */
export async function sendOne(api: Api, chatId: number, message: Outgoing): Promise<void> {
  const steps: Step[] = splitText(message.text, MAX_MESSAGE_LENGTH).map((piece) => textStep(api, chatId, piece));
  if (message.attachment) steps.push(...attachmentSteps(api, chatId, message.attachment));
  const markup = message.choices && message.choices.length > 0 ? toInlineKeyboard(message.choices) : undefined;
  if (steps.length === 0) {
    if (markup) {
      throw new Error('An outgoing message has choices but no text or attachment. Give the reply a text key in the engine.');
    }
    return;
  }
  for (const [index, step] of steps.entries()) {
    await step(index === steps.length - 1 ? markup : undefined);
  }
}

/**
 * Sends replies in order, consecutive plain ones joined into one message when they fit;
 * a failure stops the rest (the next one would fail the same way).
 */
export async function sendOutgoing(api: Api, chatId: number, messages: readonly Outgoing[]): Promise<void> {
  for (const message of mergeOutgoing(messages, MAX_MESSAGE_LENGTH)) await sendOne(api, chatId, message);
}
