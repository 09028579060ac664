/**
 * Tracks updates in progress so stop() can wait for them, and remembers the
 * highest update_id seen so polling can confirm it before exiting (otherwise
 * Telegram would deliver the last batch again on the next start).
 */
import type { Context, MiddlewareFn } from 'grammy';

export type InFlightTracker = {
  readonly middleware: MiddlewareFn<Context>;
  readonly size: () => number;
  readonly lastUpdateId: () => number | undefined;
  /** Resolves true when all finished, false when `timeoutMs` passed first. */
  readonly drain: (timeoutMs: number) => Promise<boolean>;
};

export function createInFlightTracker(): InFlightTracker {
  const running = new Set<Promise<unknown>>();
  let last: number | undefined;

  const middleware: MiddlewareFn<Context> = async (ctx, next) => {
    last = Math.max(last ?? ctx.update.update_id, ctx.update.update_id);
    const task = next();
    running.add(task);
    try {
      await task;
    } finally {
      running.delete(task);
    }
  };

  const drain = async (timeoutMs: number): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      while (running.size > 0) {
        const done = await Promise.race([Promise.allSettled([...running]).then(() => true), timeout]);
        if (!done) return false;
      }
      return true;
    } finally {
      clearTimeout(timer);
    }
  };

  return { middleware, size: () => running.size, lastUpdateId: () => last, drain };
}
