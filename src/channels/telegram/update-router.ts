/**
 * Routes updates after the shared middleware (in-flight tracking, callback
 * answering, per-chat ordering): groups get a "message me privately" notice
 * when they address the bot, private chats reach the engine. Channel posts
 * and anything else are ignored. Contains no conversation logic.
 */
import { Composer, type Context } from 'grammy';
import type { Handler } from '../../core/message.js';
import { createRateLimiter, type RateLimitOptions } from '../../core/rate-limit.js';
import type { Translate } from '../../i18n.js';
import { describeError, isNotModifiedError } from './errors.js';
import { isAddressedToBot, isStaffChatReply, privateChatLink } from './group-chat.js';
import { escapeHtml } from './html.js';
import { sendOutgoing } from './send-outgoing.js';
import { choiceToInput, localeOf, messageToInput, telegramAddress } from './to-input.js';
import type { TelegramLog } from './types.js';

export type RouterDeps = {
  readonly handle: Handler;
  readonly t: Translate;
  readonly log: TelegramLog;
  /**
   * Group messages addressed to the bot get a "message me privately" notice here, without
   * the engine, so the runner's per-person limit cannot cover them: over this, silence.
   */
  readonly groupRateLimit: RateLimitOptions;
  /** The staff group's chat id (data/program.json handoff.staffChat): its "#H…" / "/reply" messages reach the engine. */
  readonly staffChatId?: number;
};

/** An album arrives as one message per item; the engine hears about it once. */
function createAlbumFilter(capacity = 500): (groupId: string | undefined) => boolean {
  const seen = new Set<string>();
  return (groupId) => {
    if (groupId === undefined) return true;
    if (seen.has(groupId)) return false;
    seen.add(groupId);
    if (seen.size > capacity) seen.delete(seen.values().next().value ?? groupId);
    return true;
  };
}

type KeyboardState = 'removed' | 'already-removed' | 'unknown';

async function removeKeyboard(ctx: Context, log: TelegramLog): Promise<KeyboardState> {
  if (ctx.callbackQuery?.message === undefined) return 'unknown';
  try {
    await ctx.editMessageReplyMarkup();
    return 'removed';
  } catch (error) {
    if (isNotModifiedError(error)) return 'already-removed';
    log.info('telegram: could not remove an old keyboard', { error: describeError(error) });
    return 'unknown';
  }
}

export function createUpdateRouter(deps: RouterDeps): Composer<Context> {
  const { handle, t, log } = deps;
  const router = new Composer<Context>();
  const notice = (ctx: Context, key: string): string => t(localeOf(ctx.from?.language_code), `telegram.${key}`);
  const firstOfAlbum = createAlbumFilter();

  const groupLimiter = createRateLimiter(deps.groupRateLimit, { now: () => new Date() });

  router
    .chatType(['group', 'supergroup'])
    .on('message:text')
    .filter((ctx) => isStaffChatReply(ctx.chat.id, ctx.msg.text, deps.staffChatId))
    .use(async (ctx) => {
      const { messages } = await handle({ from: telegramAddress(ctx.chat.id), text: ctx.msg.text });
      await sendOutgoing(ctx.api, ctx.chat.id, messages);
    });

  const groups = router.chatType(['group', 'supergroup']);
  groups.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: notice(ctx, 'private_only') }));
  groups
    .on('message')
    .filter((ctx) => isAddressedToBot(ctx.msg, ctx.me))
    .filter((ctx) => groupLimiter.take(String(ctx.from?.id ?? ctx.chat.id)) === 'allow')
    .use(async (ctx) => {
      await ctx.reply(escapeHtml(notice(ctx, 'private_only')), {
        parse_mode: 'HTML',
        reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
        reply_markup: { inline_keyboard: [[{ text: notice(ctx, 'open_private'), url: privateChatLink(ctx.me) }]] },
      });
    });

  // Private chats are limited per person by the runner, like every channel (one notice: common.rate_limited).
  const direct = router.chatType('private');
  direct.on('callback_query:data', async (ctx) => {
    const state = await removeKeyboard(ctx, log);
    if (state === 'already-removed') {
      await ctx.answerCallbackQuery({ text: notice(ctx, 'old_button') });
      return;
    }
    await ctx.answerCallbackQuery();
    const { messages } = await handle(choiceToInput(ctx.chat.id, ctx.callbackQuery.data, ctx.from.language_code));
    await sendOutgoing(ctx.api, ctx.chat.id, messages);
  });
  direct.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: notice(ctx, 'old_button') }));
  direct.on('message', async (ctx) => {
    if (!firstOfAlbum(ctx.msg.media_group_id)) return;
    const input = messageToInput(ctx.msg, ctx.me.username);
    if (input === undefined) return;
    const { messages } = await handle(input);
    await sendOutgoing(ctx.api, ctx.chat.id, messages);
  });

  return router;
}
