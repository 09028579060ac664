/**
 * No spinner left hanging: after the rest of the middleware has run (or
 * thrown, or ignored the update), a callback query that nobody
 * answered gets an empty answer. Answers are observed with a per-update API
 * transformer, so handlers simply call ctx.answerCallbackQuery as usual.
 */
import type { Context, MiddlewareFn } from 'grammy';
import { describeError } from './errors.js';
import type { TelegramLog } from './types.js';

export function ensureCallbackAnswered(log: TelegramLog): MiddlewareFn<Context> {
  return async (ctx, next) => {
    if (ctx.callbackQuery === undefined) return next();
    let answered = false;
    ctx.api.config.use((prev, method, payload, signal) => {
      if (method === 'answerCallbackQuery') answered = true;
      return prev(method, payload, signal);
    });
    try {
      await next();
    } finally {
      if (!answered) {
        await ctx.answerCallbackQuery().catch((error: unknown) => {
          log.warn('telegram: answerCallbackQuery failed', { error: describeError(error) });
        });
      }
    }
  };
}
