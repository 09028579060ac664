/**
 * The one message model every channel speaks. The core never sees a grammY
 * Context or a zca-js message: it receives an {@link Input} and answers with
 * {@link Reply} values whose text is an i18n key plus params, rendered at the
 * edge in the person's language.
 */

export const CHANNELS = ['telegram', 'zalo', 'console', 'zalo-bot', 'zalo-oa'] as const;
export type ChannelName = (typeof CHANNELS)[number];

/** `telegram:<chatId>`, `zalo:<threadId>`, `console:<name>`, `zalo-bot:<chat id>` (Zalo Bot Platform) or `zalo-oa:<user id>` (Zalo Official Account). */
export type Address = `${ChannelName}:${string}`;

export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];

/** A translatable text: an i18n key plus params. Params may nest other texts. */
export type Text = {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number | Text>>;
};

/** A choice offered to the person. `id` is short ASCII and fits Telegram's 64-byte callback_data. */
export type Choice = { readonly id: string; readonly label: Text };

/** Something the channel may show besides text; a channel that cannot shows `fallback`. */
export type Attachment = {
  readonly kind: 'image' | 'file';
  readonly name: string;
  readonly mime: string;
  readonly data: Uint8Array;
  readonly caption?: Text;
};

export type Reply = {
  readonly text: Text;
  readonly choices?: readonly Choice[];
  readonly attachment?: Attachment;
};

export type InputMeta = {
  /** A language hint from the platform (Telegram `language_code`). */
  readonly languageCode?: string;
  /** The person sent something that is not text (sticker, photo, voice, file…); `text` is then empty. */
  readonly media?: 'sticker' | 'photo' | 'voice' | 'video' | 'file' | 'location' | 'other';
};

export type Input =
  | { readonly from: Address; readonly text: string; readonly meta?: InputMeta }
  | { readonly from: Address; readonly choice: string; readonly meta?: InputMeta };

export const MAX_CHOICE_ID_BYTES = 64;

export function text(key: string, params?: Text['params']): Text {
  return params === undefined ? { key } : { key, params };
}

const utf8 = new TextEncoder();

export function choice(id: string, key: string, params?: Text['params']): Choice {
  // A UTF-16 code unit is at most 3 UTF-8 bytes: short ids (all of ours) need no encoding.
  const bytes = id.length * 3 <= MAX_CHOICE_ID_BYTES ? id.length : utf8.encode(id).length;
  if (bytes > MAX_CHOICE_ID_BYTES) {
    throw new Error(
      `Choice id "${id}" is ${bytes} bytes; Telegram callback_data allows ${MAX_CHOICE_ID_BYTES}. Shorten the id (the label can stay long).`,
    );
  }
  return { id, label: text(key, params) };
}

export function formatAddress(channel: ChannelName, id: string | number): Address {
  return `${channel}:${String(id)}`;
}

export function parseAddress(address: string): { channel: ChannelName; id: string } | undefined {
  const at = address.indexOf(':');
  if (at <= 0) return undefined;
  const channel = address.slice(0, at);
  const id = address.slice(at + 1);
  if (id.length === 0 || !(CHANNELS as readonly string[]).includes(channel)) return undefined;
  return { channel: channel as ChannelName, id };
}

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** A reply rendered in the person's language: what a channel actually shows. */
export type Outgoing = {
  readonly text: string;
  readonly choices?: readonly { readonly id: string; readonly label: string }[];
  readonly attachment?: Omit<Attachment, 'caption'> & { readonly caption?: string };
};

/**
 * One turn's answer: the rendered replies and the language they are in, so a
 * channel renders its own texts (Zalo's numbered-choice hint) in that language
 * instead of guessing it from the session before the turn.
 */
export type TurnResult = { readonly messages: Outgoing[]; readonly locale: Locale };

/** What every channel calls: one person's input in, rendered replies and their language out (one turn). */
export type Handler = (input: Input) => Promise<TurnResult>;
