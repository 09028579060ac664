/**
 * A Zalo OA webhook event → what the channel does with it. Pure. The OA's
 * own messages come back as `oa_*` echoes and are ignored; `follow` gets a
 * welcome; a tapped `oa.query.hide` button arrives as text (its payload).
 */
import { formatAddress, type Input, type InputMeta } from '../../core/message.js';

export type OaEvent = {
  readonly event_name?: string;
  readonly app_id?: string;
  /** Milliseconds since the epoch, as a string or a number. */
  readonly timestamp?: string | number;
  readonly sender?: { readonly id?: string | number };
  readonly recipient?: { readonly id?: string | number };
  readonly follower?: { readonly id?: string | number };
  readonly user_id_by_app?: string;
  readonly message?: { readonly msg_id?: string | number; readonly text?: string };
};

export type OaInbound =
  | { readonly kind: 'ignore' }
  | { readonly kind: 'follow'; readonly userId: string; readonly ids: readonly string[] }
  | { readonly kind: 'message'; readonly userId: string; readonly ids: readonly string[]; readonly input: Input };

const MEDIA: Readonly<Record<string, NonNullable<InputMeta['media']>>> = {
  user_send_image: 'photo',
  user_send_gif: 'photo',
  user_send_sticker: 'sticker',
  user_send_audio: 'voice',
  user_send_video: 'video',
  user_send_file: 'file',
  user_send_location: 'location',
};

const idOf = (value: string | number | undefined): string | undefined => (value === undefined || String(value) === '' ? undefined : String(value));

/** `offered(userId)`: the choice ids last shown to that person, so a tapped button's payload becomes a choice. */
export function toOaInbound(event: OaEvent, offered: (userId: string) => ReadonlySet<string> | undefined): OaInbound {
  const name = event.event_name ?? '';
  if (name.startsWith('oa_')) return { kind: 'ignore' };
  if (name === 'follow') {
    const userId = idOf(event.follower?.id) ?? idOf(event.sender?.id);
    return userId === undefined ? { kind: 'ignore' } : { kind: 'follow', userId, ids: [`f:${userId}:${String(event.timestamp ?? '')}`] };
  }
  if (!name.startsWith('user_send_')) return { kind: 'ignore' };
  const userId = idOf(event.sender?.id);
  if (userId === undefined) return { kind: 'ignore' };
  const from = formatAddress('zalo-oa', userId);
  const text = event.message?.text;
  let input: Input;
  if (name === 'user_send_text' && typeof text === 'string') {
    const choice = text.trim();
    input = offered(userId)?.has(choice) ? { from, choice } : { from, text };
  } else input = { from, text: '', meta: { media: MEDIA[name] ?? 'other' } };
  const msgId = idOf(event.message?.msg_id);
  return { kind: 'message', userId, ids: msgId === undefined ? [] : [`m:${msgId}`], input };
}
