/**
 * A bounded set of recently seen ids with a time to live: Zalo sometimes
 * delivers the same message twice (notably around reconnects), so every id is
 * remembered for a while and the oldest are forgotten first.
 */
export type RecentIdsOptions = { readonly max: number; readonly ttlMs: number; readonly now?: () => number };

export type RecentIds = {
  /** True when any of `ids` was seen within the TTL; otherwise records them all and returns false. */
  seen(ids: readonly string[]): boolean;
  readonly size: number;
};

export function createRecentIds({ max, ttlMs, now = Date.now }: RecentIdsOptions): RecentIds {
  const expiry = new Map<string, number>();

  const evict = (at: number): void => {
    for (const [id, until] of expiry) {
      if (until > at && expiry.size <= max) break;
      expiry.delete(id);
    }
  };

  return {
    seen(ids) {
      const at = now();
      evict(at);
      if (ids.some((id) => (expiry.get(id) ?? 0) > at)) return true;
      for (const id of ids) {
        expiry.delete(id);
        expiry.set(id, at + ttlMs);
      }
      evict(at);
      return false;
    },
    get size() {
      return expiry.size;
    },
  };
}
