import { describe, expect, it } from 'vitest';
import type { Address } from '../../src/core/message.js';
import type { SessionStore } from '../../src/core/ports.js';
import {
  createCachedSessionStore,
  createSqliteSessionStore,
  openDatabase,
  openStore,
} from '../../src/storage/index.js';
import { createMemoryStore } from '../fakes/memory-store.js';
import { sessionStoreContract, type ContractState } from './session-store-contract.js';

const fixedClock = { now: () => new Date('2026-11-23T02:00:00Z') };

sessionStoreContract('memory fake', () => createMemoryStore<ContractState>());
sessionStoreContract('sqlite :memory:', () => {
  const db = openDatabase(':memory:');
  return { sessions: createSqliteSessionStore<ContractState>(db, { clock: fixedClock }), close: () => db.close() };
});
sessionStoreContract('node-cache over sqlite', () => {
  const db = openDatabase(':memory:');
  const sessions = createCachedSessionStore(createSqliteSessionStore<ContractState>(db, { clock: fixedClock }), {});
  return {
    sessions,
    close: () => {
      sessions.close();
      db.close();
    },
  };
});
sessionStoreContract('node-cache over memory, maxKeys 1', () => {
  const sessions = createCachedSessionStore(createMemoryStore<ContractState>().sessions, { maxKeys: 1 });
  return { sessions, close: () => sessions.close() };
});

const LAN: Address = 'zalo:lan';

/** A SessionStore that counts reads: shows whether the cache answered. */
function countingStore<S>(inner: SessionStore<S>): SessionStore<S> & { reads: number } {
  const store = {
    reads: 0,
    read: (address: Address) => {
      store.reads += 1;
      return inner.read(address);
    },
    write: (address: Address, state: S) => inner.write(address, state),
    delete: (address: Address) => inner.delete(address),
  };
  return store;
}

describe('SQLite session rows', () => {
  it('a corrupt JSON row reads as a fresh conversation, not an exception', () => {
    const db = openDatabase(':memory:');
    db.prepare('INSERT INTO sessions (address, state, updated_at) VALUES (?, ?, ?)').run(LAN, '{"flow": "idvn",', 'x');
    expect(createSqliteSessionStore(db).read(LAN)).toBeUndefined();
    db.close();
  });

  it('write stamps updated_at from the clock', () => {
    const db = openDatabase(':memory:');
    createSqliteSessionStore(db, { clock: fixedClock }).write(LAN, { flow: 'idvn' });
    expect(db.prepare('SELECT updated_at FROM sessions').pluck().get()).toBe('2026-11-23T02:00:00.000Z');
    db.close();
  });
});

describe('session cache', () => {
  it('reads through once, then answers from the cache', async () => {
    const inner = countingStore(createMemoryStore<{ n: number }>().sessions);
    await inner.write(LAN, { n: 1 });
    const cached = createCachedSessionStore(inner, {});
    expect(await cached.read(LAN)).toEqual({ n: 1 });
    expect(await cached.read(LAN)).toEqual({ n: 1 });
    expect(inner.reads).toBe(1);
    cached.close();
  });

  it('stays coherent with commitTurn through openStore (save, then forget)', async () => {
    const store = openStore<{ flow: string }>(':memory:', { cache: { ttlSeconds: 60 } });
    await store.sessions.write(LAN, { flow: 'idvn' });
    expect(await store.sessions.read(LAN)).toEqual({ flow: 'idvn' });

    await store.records.commitTurn(LAN, { flow: 'bizvn' }, [], fixedClock.now());
    expect(await store.sessions.read(LAN)).toEqual({ flow: 'bizvn' });

    await store.records.commitTurn(LAN, null, [{ type: 'forget' }], fixedClock.now());
    expect(await store.sessions.read(LAN)).toBeUndefined();
    store.close();
  });

  it('a failed commitTurn leaves the cached state as it was', async () => {
    const store = openStore<{ flow: string }>(':memory:', { cache: {} });
    await store.sessions.write(LAN, { flow: 'idvn' });
    await expect(async () => store.records.commitTurn('nowhere:1' as Address, null, [], fixedClock.now())).rejects.toThrow();
    await expect(async () => store.records.commitTurn(LAN, { flow: 'x', n: 1n } as never, [], fixedClock.now())).rejects.toThrow();
    expect(await store.sessions.read(LAN)).toEqual({ flow: 'idvn' });
    store.close();
  });

  it('remember(address, null) drops the entry so the next read asks the inner store', async () => {
    const inner = countingStore(createMemoryStore<{ n: number }>().sessions);
    const cached = createCachedSessionStore(inner, {});
    await cached.write(LAN, { n: 1 });
    cached.remember(LAN, null);
    expect(await cached.read(LAN)).toEqual({ n: 1 });
    expect(inner.reads).toBe(1);
    cached.close();
  });
});
