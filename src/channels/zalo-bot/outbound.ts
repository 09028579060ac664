/**
 * Rendered replies → Zalo Bot API calls. No buttons on the platform, so
 * choices become numbered lines (src/channels/shared/numbered-choices.ts);
 * texts are split under 2,000 characters. Images go through sendPhoto by
 * URL only when a media host (PUBLIC_BASE_URL) exists; otherwise, and for
 * files, the caption is sent as text with a short note.
 */
import type { Locale, Outgoing } from '../../core/message.js';
import type { Logger } from '../../core/runner.js';
import type { Translate } from '../../i18n.js';
import { mergeOutgoing } from '../merge-outgoing.js';
import type { MediaHost } from '../shared/media-host.js';
import { choicePrompt, renderOutgoing } from '../shared/numbered-choices.js';
import { splitText } from '../shared/split-text.js';
import type { SendThrottle } from '../shared/send-throttle.js';
import type { ZaloBotApi } from './bot-api.js';

/** sendMessage takes 1–2,000 characters. */
export const ZALO_BOT_MAX_TEXT = 2_000;

export type BotSenderDeps = {
  readonly api: ZaloBotApi;
  readonly throttle: SendThrottle;
  readonly t: Translate;
  readonly log: Logger;
  readonly media?: MediaHost | undefined;
  readonly maxTextLength?: number;
};

export type DeliveryResult = { readonly failed: number; readonly error?: string };

export type BotSender = {
  sendText(chatId: string, text: string): Promise<DeliveryResult>;
  sendReplies(chatId: string, replies: readonly Outgoing[], locale: Locale): Promise<DeliveryResult>;
  typing(chatId: string): void;
};

export function createBotSender(deps: BotSenderDeps): BotSender {
  const max = deps.maxTextLength ?? ZALO_BOT_MAX_TEXT;
  const call = async (chatId: string, method: string, params: Record<string, unknown>): Promise<string | undefined> => {
    try {
      await deps.throttle.schedule(() => deps.api.call(method, { chat_id: chatId, ...params }));
      return undefined;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.log.warn(`zalo-bot: ${method} failed`, { address: `zalo-bot:${chatId}`, error: message });
      return message;
    }
  };

  const sendAll = async (chatId: string, texts: readonly string[]): Promise<DeliveryResult> => {
    let failed = 0;
    let error: string | undefined;
    for (const text of texts) {
      const problem = await call(chatId, 'sendMessage', { text });
      if (problem !== undefined) {
        failed += 1;
        error ??= problem;
      }
    }
    return error === undefined ? { failed } : { failed, error };
  };

  const attachmentTexts = async (chatId: string, attachment: NonNullable<Outgoing['attachment']>, locale: Locale): Promise<string[]> => {
    const caption = attachment.caption ?? '';
    if (attachment.kind === 'image' && deps.media) {
      const photo = deps.media.publish(attachment.data, attachment.mime);
      const fits = caption.length <= max;
      const problem = await call(chatId, 'sendPhoto', { photo, caption: fits ? caption : '' });
      if (problem === undefined) return fits ? [] : splitText(caption, max);
    }
    const note = deps.t(locale, attachment.kind === 'image' ? 'zalo_official.image_unavailable' : 'zalo_official.file_unavailable');
    return splitText(caption.length > 0 ? `${caption}\n\n${note}` : note, max);
  };

  return {
    sendText: (chatId, text) => sendAll(chatId, splitText(text, max)),
    async sendReplies(chatId, replies, locale) {
      const prompt = (count: number): string => choicePrompt(deps.t, locale, count);
      let failed = 0;
      let error: string | undefined;
      for (const reply of mergeOutgoing(replies, max)) {
        const texts = renderOutgoing(reply, prompt, max);
        if (reply.attachment) texts.push(...(await attachmentTexts(chatId, reply.attachment, locale)));
        const result = await sendAll(chatId, texts);
        failed += result.failed;
        error ??= result.error;
      }
      return error === undefined ? { failed } : { failed, error };
    },
    typing(chatId) {
      void deps.api.call('sendChatAction', { chat_id: chatId, action: 'typing' }).catch(() => undefined);
    },
  };
}
