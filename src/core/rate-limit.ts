/**
 * A per-key token bucket with the clock injected (pure: no timers, no Date.now).
 * `capacity` messages may arrive at once; tokens come back at `capacity` per
 * `windowMs`. The first message over the limit gets one friendly notice
 * ('notify'); after that the key is silent ('drop') until its bucket is full
 * again, i.e. until the window has passed since it emptied.
 */
import type { Clock } from './calendar.js';

export type RateLimitOptions = {
  /** Messages allowed in a burst (and per window). */
  readonly capacity: number;
  /** Time for an empty bucket to refill completely. */
  readonly windowMs: number;
  /** Buckets kept in memory; idle (full) ones are dropped first. Default 10,000. */
  readonly maxKeys?: number;
};

export type RateVerdict = 'allow' | 'notify' | 'drop';

export type RateLimiter = {
  take(key: string): RateVerdict;
  /** Buckets currently held (for tests and metrics). */
  size(): number;
};

/** About one message every 3 s sustained, 20 in a burst: far above a person typing or tapping. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { capacity: 20, windowMs: 60_000 };

type Bucket = { tokens: number; at: number; muted: boolean };

export function createRateLimiter(options: RateLimitOptions, clock: Clock): RateLimiter {
  const { capacity, windowMs } = options;
  if (!(capacity >= 1) || !(windowMs > 0)) {
    throw new Error(`Rate limit needs capacity ≥ 1 and windowMs > 0 (got ${capacity}, ${windowMs}). Fix the rateLimit option.`);
  }
  const maxKeys = options.maxKeys ?? 10_000;
  const perMs = capacity / windowMs;
  const buckets = new Map<string, Bucket>();

  function refill(bucket: Bucket, now: number): void {
    const elapsed = Math.max(0, now - bucket.at); // a clock set back never adds tokens
    bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * perMs);
    bucket.at = Math.max(bucket.at, now);
    if (bucket.muted && bucket.tokens >= capacity) bucket.muted = false;
  }

  function prune(now: number): void {
    for (const [key, bucket] of buckets) {
      refill(bucket, now);
      if (!bucket.muted && bucket.tokens >= capacity) buckets.delete(key);
    }
    // Still no room for one more: forget the oldest (they get a fresh bucket).
    for (const key of buckets.keys()) {
      if (buckets.size < maxKeys) break;
      buckets.delete(key);
    }
  }

  return {
    take(key) {
      const now = clock.now().getTime();
      let bucket = buckets.get(key);
      if (bucket === undefined) {
        if (buckets.size >= maxKeys) prune(now);
        bucket = { tokens: capacity, at: now, muted: false };
        buckets.set(key, bucket);
      } else refill(bucket, now);
      if (bucket.muted) return 'drop';
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 'allow';
      }
      bucket.muted = true;
      return 'notify';
    },
    size: () => buckets.size,
  };
}
