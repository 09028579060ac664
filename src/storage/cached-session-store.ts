/**
 * A read-through, write-through node-cache in front of any SessionStore.
 *
 * Coherence: `RecordStore.commitTurn` writes the session row itself (same
 * transaction as the turn's records), bypassing this cache. The fix lives
 * here, not in the runner: `withSessionCache(records, cache)` wraps a
 * RecordStore so that, after commitTurn succeeds, it calls
 * `cache.remember(address, state)` (null forgets). `openStore` does this
 * wiring, so callers just use `{ sessions, records }`.
 *
 * Values are held by reference (`useClones: false`): treat session states
 * as immutable (the engine returns a new state each turn).
 *
 * Only one process may use a cache: a CLI that deletes data in another
 * process would leave this cache stale until the TTL. Off by default.
 */
import NodeCache from 'node-cache';
import type { Address } from '../core/message.js';
import type { MaybePromise, RecordStore, SessionStore } from '../core/ports.js';

export type SessionCacheOptions = { ttlSeconds?: number; maxKeys?: number };

export interface CachedSessionStore<S> extends SessionStore<S> {
  /** Puts a state committed elsewhere into the cache; `null` drops the entry. */
  remember(address: Address, state: S | null): void;
  /** Stops node-cache's expiry timer. */
  close(): void;
}

export const DEFAULT_SESSION_CACHE = { ttlSeconds: 600, maxKeys: 10_000 } as const;

export function createCachedSessionStore<S>(
  inner: SessionStore<S>,
  options: SessionCacheOptions = {},
): CachedSessionStore<S> {
  const ttl = options.ttlSeconds ?? DEFAULT_SESSION_CACHE.ttlSeconds;
  const cache = new NodeCache({
    stdTTL: ttl,
    checkperiod: ttl > 0 ? Math.max(1, Math.ceil(ttl / 5)) : 0,
    maxKeys: options.maxKeys ?? DEFAULT_SESSION_CACHE.maxKeys,
    useClones: false,
  });

  // Bumped by every change, so a slow async read cannot cache a stale state.
  let changes = 0;

  function remember(address: Address, state: S | null): void {
    changes += 1;
    cache.del(address);
    if (state === null) return;
    try {
      cache.set(address, state);
    } catch {
      // ECACHEFULL: the state is safe in `inner`; it just isn't cached.
    }
  }

  return {
    read(address) {
      const hit = cache.get<S>(address);
      if (hit !== undefined) return hit;
      const before = changes;
      return after(inner.read(address), (state) => {
        if (state !== undefined && changes === before) remember(address, state);
        return state;
      });
    },
    write(address, state) {
      remember(address, null);
      return after(inner.write(address, state), () => remember(address, state));
    },
    delete(address) {
      remember(address, null);
      return after(inner.delete(address), () => undefined);
    },
    remember,
    close: () => cache.close(),
  };
}

/** Runs `next` on a value or a promise of it, staying synchronous when the value is. */
function after<T, R>(value: MaybePromise<T>, next: (value: T) => R): MaybePromise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** A RecordStore whose commitTurn keeps `cache` coherent once the transaction has committed. */
export function withSessionCache<S>(records: RecordStore, cache: CachedSessionStore<S>): RecordStore {
  return {
    getPerson: (address) => records.getPerson(address),
    commit(turn) {
      return after(records.commit(turn), (committed) => {
        cache.remember(turn.address, turn.state as unknown as S | null);
        return committed;
      });
    },
    commitTurn(address, state, writes, now) {
      return after(records.commitTurn(address, state, writes, now), () =>
        cache.remember(address, state as unknown as S | null),
      );
    },
    listChecks: (query) => records.listChecks(query),
    countChecks: (query) => records.countChecks(query),
    checksOf: (address) => records.checksOf(address),
    countRegistrations: (query) => records.countRegistrations(query),
  };
}
