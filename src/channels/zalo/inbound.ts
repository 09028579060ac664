/**
 * A zca-js message → what the adapter does with it. Pure: no I/O, no state.
 * Text is passed through untouched (the engine normalises and resolves "2",
 * "so 2" or a typed label); anything else becomes `{ text: '', meta: { media } }`.
 */
import { ThreadType } from 'zca-js';
import type { Message } from 'zca-js';
import type { Input, InputMeta } from '../../core/message.js';
import { formatAddress } from '../../core/message.js';

export type Media = NonNullable<InputMeta['media']>;

export type Inbound =
  | { readonly kind: 'self' }
  | { readonly kind: 'group'; readonly groupId: string }
  | { readonly kind: 'direct'; readonly threadId: string; readonly ids: readonly string[]; readonly input: Input };

/** zca-js `msgType` prefixes (chat.video.msg, chat.location.new… match by prefix). */
const MEDIA_BY_PREFIX: readonly (readonly [string, Media])[] = [
  ['chat.sticker', 'sticker'],
  ['chat.photo', 'photo'],
  ['chat.gif', 'photo'],
  ['chat.doodle', 'photo'],
  ['chat.voice', 'voice'],
  ['chat.video', 'video'],
  ['share.file', 'file'],
  ['chat.location', 'location'],
];

export function mediaOf(msgType: string): Media {
  return MEDIA_BY_PREFIX.find(([prefix]) => msgType.startsWith(prefix))?.[1] ?? 'other';
}

/** Keys for de-duplication: Zalo's global msgId, and the sender's cliMsgId scoped to the thread. */
export function dedupeKeys(message: Message): string[] {
  const { msgId, cliMsgId } = message.data;
  const keys: string[] = [];
  if (msgId) keys.push(`m:${msgId}`);
  if (cliMsgId) keys.push(`c:${message.threadId}:${cliMsgId}`);
  return keys;
}

export function classify(message: Message, ownId?: string): Inbound {
  if (message.isSelf || (ownId !== undefined && message.data.uidFrom === ownId)) return { kind: 'self' };
  if (message.type === ThreadType.Group) return { kind: 'group', groupId: message.threadId };
  const from = formatAddress('zalo', message.threadId);
  const { content, msgType } = message.data;
  const input: Input =
    typeof content === 'string' && !msgType.startsWith('chat.') && !msgType.startsWith('share.')
      ? { from, text: content }
      : { from, text: '', meta: { media: mediaOf(msgType) } };
  return { kind: 'direct', threadId: message.threadId, ids: dedupeKeys(message), input };
}
