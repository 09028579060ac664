/**
 * Telegram Update → Input. The adapter does not interpret text: commands,
 * deep-link payloads ("/start <payload>") and typed numbers go to the engine
 * unchanged. The only rewrite is dropping our own "@botname" from a leading
 * command ("/menu@our_bot" → "/menu"), which Telegram adds in some clients.
 */
import type { Message } from 'grammy/types';
import { formatAddress, type Address, type Input, type InputMeta, type Locale } from '../../core/message.js';

export type Media = NonNullable<InputMeta['media']>;

/** Checked in order: an animation also carries `document`, a venue also `location`. */
const MEDIA_FIELDS: readonly (readonly [keyof Message, Media])[] = [
  ['sticker', 'sticker'],
  ['photo', 'photo'],
  ['voice', 'voice'],
  ['video_note', 'video'],
  ['video', 'video'],
  ['animation', 'video'],
  ['audio', 'file'],
  ['document', 'file'],
  ['venue', 'location'],
  ['location', 'location'],
  ['contact', 'other'],
  ['poll', 'other'],
  ['dice', 'other'],
  ['story', 'other'],
  ['game', 'other'],
];

export function telegramAddress(chatId: number): Address {
  return formatAddress('telegram', chatId);
}

/** Adapter-level notices use the platform hint: English for `en*`, Vietnamese otherwise. */
export function localeOf(languageCode: string | undefined): Locale {
  return languageCode?.toLowerCase().startsWith('en') === true ? 'en' : 'vi';
}

function metaOf(languageCode: string | undefined, media?: Media): InputMeta | undefined {
  if (languageCode === undefined && media === undefined) return undefined;
  return {
    ...(languageCode === undefined ? {} : { languageCode }),
    ...(media === undefined ? {} : { media }),
  };
}

export function mediaOf(message: Message): Media | undefined {
  return MEDIA_FIELDS.find(([field]) => message[field] !== undefined)?.[1];
}

export function stripOwnMention(text: string, botUsername: string): string {
  return text.replace(/^(\/[A-Za-z0-9_]+)@([A-Za-z0-9_]+)(?=\s|$)/, (whole, command: string, name: string) =>
    name.toLowerCase() === botUsername.toLowerCase() ? command : whole,
  );
}

/** A private message as Input; undefined for service messages (pins, joins…), which are ignored. */
export function messageToInput(message: Message, botUsername: string): Input | undefined {
  const from = telegramAddress(message.chat.id);
  const languageCode = message.from?.language_code;
  if (typeof message.text === 'string') {
    const meta = metaOf(languageCode);
    const text = stripOwnMention(message.text, botUsername);
    return meta ? { from, text, meta } : { from, text };
  }
  const media = mediaOf(message);
  if (media === undefined) return undefined;
  return { from, text: '', meta: { ...metaOf(languageCode, media) } };
}

/** A button press as Input; unknown or stale ids are the engine's to answer. */
export function choiceToInput(chatId: number, data: string, languageCode: string | undefined): Input {
  const from = telegramAddress(chatId);
  const meta = metaOf(languageCode);
  return meta ? { from, choice: data, meta } : { from, choice: data };
}
