/**
 * Rendered replies → OA customer-service messages. Choices become
 * `oa.query.hide` buttons (their payload, the choice id, comes back as text),
 * with the numbered text as the fallback when buttons are refused; texts are
 * split under 2,000 characters; images are uploaded, then sent. An expired
 * token (−216) is renewed and the message sent again; −32/−100 are retried;
 * "outside what the person allows" stops the delivery and is reported.
 */
import type { Locale, Outgoing } from '../../core/message.js';
import type { Logger } from '../../core/runner.js';
import type { Translate } from '../../i18n.js';
import { mergeOutgoing } from '../merge-outgoing.js';
import { choicePrompt, renderOutgoing } from '../shared/numbered-choices.js';
import { splitText } from '../shared/split-text.js';
import type { SendThrottle } from '../shared/send-throttle.js';
import { OaApiError, OUTSIDE_WINDOW_CODES, RETRY_CODES, TOKEN_EXPIRED, type OaApi, type OaMessage } from './oa-api.js';
import type { TokenKeeper } from './token-keeper.js';

export const ZALO_OA_MAX_TEXT = 2_000;
const MAX_BUTTONS = 5;
const MAX_TITLE = 100;

export type OaDelivery = { readonly failed: number; readonly error?: string; readonly outsideWindow?: true };

export type OaSenderDeps = {
  readonly api: OaApi;
  readonly keeper: Pick<TokenKeeper, 'accessToken' | 'renew'>;
  readonly throttle: SendThrottle;
  readonly t: Translate;
  readonly log: Logger;
  readonly sleep?: (ms: number) => Promise<void>;
};

export type OaSender = { deliver(userId: string, replies: readonly Outgoing[], locale: Locale): Promise<OaDelivery> };

export const isOutsideWindow = (error: unknown): boolean => error instanceof OaApiError && OUTSIDE_WINDOW_CODES.has(error.code);

export function createOaSender(deps: OaSenderDeps): OaSender {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  async function post(userId: string, message: OaMessage): Promise<void> {
    let token = await deps.keeper.accessToken();
    let renewed = false;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await deps.throttle.schedule(() => deps.api.sendMessage(token, userId, message));
        return;
      } catch (error) {
        if (error instanceof OaApiError && error.code === TOKEN_EXPIRED && !renewed) {
          renewed = true;
          token = await deps.keeper.renew(token);
          continue;
        }
        if (error instanceof OaApiError && RETRY_CODES.has(error.code) && attempt < 3) {
          await sleep(500 * attempt);
          continue;
        }
        throw error;
      }
    }
  }

  async function image(userId: string, attachment: NonNullable<Outgoing['attachment']>, locale: Locale): Promise<OaMessage[]> {
    const caption = attachment.caption ?? '';
    if (attachment.kind === 'image') {
      try {
        const token = await deps.keeper.accessToken();
        const id = await deps.api.uploadImage(token, attachment.data, attachment.mime, attachment.name);
        const media = { type: 'template', payload: { template_type: 'media', elements: [{ media_type: 'image', attachment_id: id }] } };
        return caption.length > 0 && caption.length <= ZALO_OA_MAX_TEXT ? [{ text: caption, attachment: media }] : [{ attachment: media }, ...texts(caption)];
      } catch (error) {
        if (isOutsideWindow(error)) throw error;
        deps.log.warn('zalo-oa: image upload failed; sending its caption', { address: `zalo-oa:${userId}`, error: String(error) });
      }
    }
    const note = deps.t(locale, attachment.kind === 'image' ? 'zalo_official.image_unavailable' : 'zalo_official.file_unavailable');
    return texts(caption.length > 0 ? `${caption}\n\n${note}` : note);
  }

  const texts = (text: string): OaMessage[] => splitText(text, ZALO_OA_MAX_TEXT).map((part) => ({ text: part }));

  async function sendReply(userId: string, reply: Outgoing, locale: Locale): Promise<void> {
    const choices = reply.choices ?? [];
    const numbered = (): OaMessage[] => renderOutgoing(reply, (count) => choicePrompt(deps.t, locale, count), ZALO_OA_MAX_TEXT).map((text) => ({ text }));
    if (choices.length === 0 || choices.length > MAX_BUTTONS) {
      for (const message of numbered()) await post(userId, message);
    } else {
      const parts = splitText(reply.text, ZALO_OA_MAX_TEXT);
      const last = parts.pop() ?? deps.t(locale, 'zalo_official.choose');
      for (const part of parts) await post(userId, { text: part });
      const buttons = choices.map((c) => ({ title: c.label.slice(0, MAX_TITLE), type: 'oa.query.hide', payload: c.id }));
      try {
        await post(userId, { text: last, attachment: { type: 'template', payload: { buttons } } });
      } catch (error) {
        if (isOutsideWindow(error) || (error instanceof OaApiError && error.code === TOKEN_EXPIRED)) throw error;
        deps.log.warn('zalo-oa: buttons refused; sending numbered choices', { address: `zalo-oa:${userId}`, error: String(error) });
        const menu = renderOutgoing({ text: last, choices }, (count) => choicePrompt(deps.t, locale, count), ZALO_OA_MAX_TEXT);
        for (const text of menu) await post(userId, { text });
      }
    }
    if (reply.attachment) for (const message of await image(userId, reply.attachment, locale)) await post(userId, message);
  }

  return {
    async deliver(userId, replies, locale) {
      let failed = 0;
      let firstError: string | undefined;
      for (const reply of mergeOutgoing(replies, ZALO_OA_MAX_TEXT)) {
        try {
          await sendReply(userId, reply, locale);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          deps.log.warn('zalo-oa: message not delivered', { address: `zalo-oa:${userId}`, error: message });
          if (isOutsideWindow(error)) return { failed: failed + 1, error: 'outside_window', outsideWindow: true };
          failed += 1;
          firstError ??= message;
        }
      }
      return firstError === undefined ? { failed } : { failed, error: firstError };
    },
  };
}
