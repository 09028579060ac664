/**
 * A Zalo Bot Platform update → what the adapter does with it. Pure. Text is
 * passed through untouched (the engine resolves "2", "so 2" or a typed
 * label); images and stickers become `{ text: '', meta: { media } }`.
 */
import { formatAddress, type Input, type InputMeta } from '../../core/message.js';

export type ZaloBotMessage = {
  readonly message_id?: string | number;
  readonly chat?: { readonly id?: string | number; readonly chat_type?: string };
  readonly from?: { readonly id?: string | number; readonly display_name?: string; readonly is_bot?: boolean };
  /** Milliseconds since the epoch. */
  readonly date?: number;
  readonly text?: string;
};

export type ZaloBotUpdate = { readonly event_name?: string; readonly message?: ZaloBotMessage };

export type BotInbound =
  | { readonly kind: 'ignore' }
  | { readonly kind: 'group'; readonly chatId: string }
  | { readonly kind: 'direct'; readonly chatId: string; readonly ids: readonly string[]; readonly input: Input };

const MEDIA: Readonly<Record<string, NonNullable<InputMeta['media']>>> = {
  'message.image.received': 'photo',
  'message.sticker.received': 'sticker',
  'message.unsupported.received': 'other',
};

/** getUpdates answers one update per call; accept a list (or nothing) too. */
export function updatesOf(result: unknown): ZaloBotUpdate[] {
  if (Array.isArray(result)) return result.filter((u): u is ZaloBotUpdate => typeof u === 'object' && u !== null);
  return typeof result === 'object' && result !== null ? [result as ZaloBotUpdate] : [];
}

export function toBotInbound(update: ZaloBotUpdate): BotInbound {
  const message = update.message;
  const chatId = message?.chat?.id ?? message?.from?.id;
  if (message === undefined || chatId === undefined || String(chatId) === '' || message.from?.is_bot === true) return { kind: 'ignore' };
  const chat = String(chatId);
  if (String(message.chat?.chat_type ?? 'PRIVATE').toUpperCase() === 'GROUP') return { kind: 'group', chatId: chat };
  const from = formatAddress('zalo-bot', chat);
  const event = update.event_name ?? '';
  const text = typeof message.text === 'string' ? message.text : undefined;
  const input: Input =
    event === 'message.text.received' || (text !== undefined && MEDIA[event] === undefined)
      ? { from, text: text ?? '' }
      : { from, text: '', meta: { media: MEDIA[event] ?? 'other' } };
  const ids = message.message_id === undefined ? [] : [`m:${chat}:${String(message.message_id)}`];
  return { kind: 'direct', chatId: chat, ids, input };
}
