/**
 * What happens when handling an update fails, in polling and webhook mode
 * alike: a blocked person is an info line; anything else is logged with the
 * address (never message text) and the person gets a short apology.
 */
import { GrammyError, type BotError, type Context } from 'grammy';
import type { Translate } from '../../i18n.js';
import { describeError, isBlockedError } from './errors.js';
import { escapeHtml } from './html.js';
import { localeOf, telegramAddress } from './to-input.js';
import type { TelegramLog } from './types.js';

export function createErrorHandler(t: Translate, log: TelegramLog): (error: BotError<Context>) => Promise<void> {
  return async ({ ctx, error }) => {
    const address = ctx.chat ? telegramAddress(ctx.chat.id) : undefined;
    if (isBlockedError(error)) {
      log.info('telegram: the person has blocked the bot; nothing sent', { address });
      return;
    }
    log.error('telegram: handling an update failed; the bot keeps serving', {
      address,
      updateId: ctx.update.update_id,
      error: describeError(error),
      ...(error instanceof Error && !(error instanceof GrammyError) ? { stack: error.stack } : {}),
    });
    if (ctx.chat?.type !== 'private') return;
    const apology = t(localeOf(ctx.from?.language_code), 'telegram.error');
    await ctx.api.sendMessage(ctx.chat.id, escapeHtml(apology), { parse_mode: 'HTML' }).catch((sendError: unknown) => {
      log.warn('telegram: could not send the apology', { address, error: describeError(sendError) });
    });
  };
}
