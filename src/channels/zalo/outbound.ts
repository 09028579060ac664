/**
 * Sends rendered replies through the global throttle. Failures are logged and
 * swallowed per message: one failed send must not stop the rest of a turn.
 */
import { ThreadType } from 'zca-js';
import type { Locale, Outgoing } from '../../core/message.js';
import type { Translate } from '../../i18n.js';
import { captionFitsAttachment, toAttachmentSource } from './attachment.js';
import { mergeOutgoing } from '../merge-outgoing.js';
import { choicePrompt, renderOutgoing, ZALO_MAX_TEXT } from '../shared/numbered-choices.js';
import type { SendThrottle } from '../shared/send-throttle.js';
import type { ZaloApi } from './zalo-api.js';
import { describeError, type ZaloLog } from './zalo-status.js';

export type ZaloSenderDeps = {
  readonly api: () => ZaloApi | undefined;
  readonly throttle: SendThrottle;
  readonly t: Translate;
  readonly log: ZaloLog;
  readonly maxTextLength: number;
};

export type ZaloSender = {
  sendText(threadId: string, text: string, type?: ThreadType): Promise<boolean>;
  /** True when every text was sent (an attachment that fell back to its caption counts as sent). */
  sendReplies(threadId: string, replies: readonly Outgoing[], locale: Locale): Promise<boolean>;
};

type Content = Parameters<ZaloApi['sendMessage']>[0];

export function createZaloSender(deps: ZaloSenderDeps): ZaloSender {
  const { log } = deps;

  const send = async (threadId: string, content: Content, type: ThreadType, what: string): Promise<boolean> => {
    try {
      await deps.throttle.schedule(async () => {
        const api = deps.api();
        if (!api) throw new Error('not connected to Zalo');
        return api.sendMessage(content, threadId, type);
      });
      return true;
    } catch (error) {
      const where = type === ThreadType.Group ? { group: threadId } : { address: `zalo:${threadId}` };
      log.warn(`Zalo ${what} send failed`, { ...where, error: describeError(error) });
      return false;
    }
  };

  const sendText = (threadId: string, text: string, type: ThreadType = ThreadType.User): Promise<boolean> =>
    send(threadId, { msg: text }, type, 'message');

  const sendAttachment = async (threadId: string, attachment: NonNullable<Outgoing['attachment']>): Promise<void> => {
    const source = toAttachmentSource(attachment);
    const caption = attachment.caption ?? '';
    if (captionFitsAttachment(attachment, source)) {
      const sent = await send(threadId, { msg: caption, attachments: [source] }, ThreadType.User, 'image');
      if (!sent && caption.length > 0) await sendText(threadId, caption); // fallback: the caption as text
      return;
    }
    if (caption.length > 0) await sendText(threadId, caption);
    await send(threadId, { msg: '', attachments: [source] }, ThreadType.User, 'file');
  };

  return {
    sendText,
    async sendReplies(threadId, replies, locale) {
      const prompt = (count: number): string => choicePrompt(deps.t, locale, count);
      let delivered = true;
      for (const reply of mergeOutgoing(replies, deps.maxTextLength ?? ZALO_MAX_TEXT)) {
        for (const text of renderOutgoing(reply, prompt, deps.maxTextLength)) delivered = (await sendText(threadId, text)) && delivered;
        if (reply.attachment) await sendAttachment(threadId, reply.attachment);
      }
      return delivered;
    },
  };
}
