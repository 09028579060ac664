/**
 * Global outgoing throttle: every send to Zalo goes through one queue and
 * waits at least `minIntervalMs` after the previous one. A personal account
 * that sends fast bursts gets restricted by Zalo's (undocumented) anti-spam.
 */
export type SendThrottle = {
  schedule<T>(send: () => Promise<T>): Promise<T>;
  /** Resolves when everything scheduled so far has been sent (or failed). */
  idle(): Promise<void>;
};

export type SendThrottleOptions = { readonly minIntervalMs: number; readonly now?: () => number };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createSendThrottle({ minIntervalMs, now = Date.now }: SendThrottleOptions): SendThrottle {
  let tail: Promise<unknown> = Promise.resolve();
  let lastAt = Number.NEGATIVE_INFINITY;

  return {
    schedule(send) {
      const run = tail.then(async () => {
        const wait = lastAt + minIntervalMs - now();
        if (wait > 0) await sleep(wait);
        lastAt = now();
        return send();
      });
      tail = run.catch(() => undefined);
      return run;
    },
    async idle() {
      let current: Promise<unknown>;
      do {
        current = tail;
        await current;
      } while (current !== tail);
    },
  };
}
