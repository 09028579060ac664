/**
 * Per-person incoming rate limit over a sliding window. When someone goes over
 * the limit their extra messages are dropped, and they get one friendly
 * notice per window (`'notify'`), never one per dropped message.
 */
export type RateLimitOptions = { readonly windowMs: number; readonly limit: number; readonly now?: () => number };

export type RateVerdict = 'ok' | 'notify' | 'drop';

export type RateLimiter = { check(key: string): RateVerdict };

type Entry = { hits: number[]; notifiedAt: number | undefined };

const SWEEP_ABOVE = 10_000;

export function createRateLimiter({ windowMs, limit, now = Date.now }: RateLimitOptions): RateLimiter {
  const entries = new Map<string, Entry>();

  const sweep = (at: number): void => {
    for (const [key, entry] of entries) {
      const last = entry.hits[entry.hits.length - 1] ?? 0;
      if (at - last >= windowMs && (entry.notifiedAt === undefined || at - entry.notifiedAt >= windowMs)) entries.delete(key);
    }
  };

  return {
    check(key) {
      const at = now();
      if (entries.size > SWEEP_ABOVE) sweep(at);
      const entry = entries.get(key) ?? { hits: [], notifiedAt: undefined };
      entries.set(key, entry);
      entry.hits = entry.hits.filter((hit) => at - hit < windowMs);
      if (entry.hits.length < limit) {
        entry.hits.push(at);
        return 'ok';
      }
      if (entry.notifiedAt !== undefined && at - entry.notifiedAt < windowMs) return 'drop';
      entry.notifiedAt = at;
      return 'notify';
    },
  };
}
