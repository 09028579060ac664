/**
 * The Zalo OA store on both databases: one token row replaced whole; each
 * follower's last message time, kept 7 days; forgotten with the person;
 * checks, registrations and renewals accept the new channel names after migration.
 */
import { describe, expect, it } from 'vitest';
import type { ZaloOaStore } from '../../src/core/zalo-oa.js';
import type { Session } from '../../src/core/session.js';
import { openStore } from '../../src/storage/index.js';
import { openPostgresStore } from '../../src/storage/postgres/index.js';
import { describePg, freshPgUrl } from '../support/postgres.js';

const NOW = new Date('2026-11-23T02:00:00.000Z');
const DAY = 86_400_000;
const tokens = (n: number) => ({ accessToken: `at${n}`, refreshToken: `rt${n}`, expiresAt: `2026-11-24T0${n}:00:00.000Z`, refreshExpiresAt: '2027-02-21T02:00:00.000Z' });

function contract(name: string, open: () => Promise<{ store: ZaloOaStore; commitForget(address: `zalo-oa:${string}`): Promise<void>; checkChannels(): Promise<string[]>; close(): Promise<void> | void }>) {
  describe(name, () => {
    it('keeps one token pair, replaced whole', async () => {
      const db = await open();
      try {
        expect(await db.store.readTokens()).toBeUndefined();
        await db.store.saveTokens(tokens(1), NOW);
        await db.store.saveTokens(tokens(2), NOW);
        expect(await db.store.readTokens()).toEqual(tokens(2));
      } finally {
        await db.close();
      }
    });

    it('remembers when a follower last wrote, for 7 days, and forgets it with the person', async () => {
      const db = await open();
      try {
        await db.store.touch('zalo-oa:1', new Date(NOW.getTime() - 8 * DAY));
        await db.store.touch('zalo-oa:2', new Date(NOW.getTime() - DAY));
        await db.store.touch('zalo-oa:3', NOW);
        expect(await db.store.lastInbound('zalo-oa:1', NOW)).toBeUndefined();
        expect(await db.store.lastInbound('zalo-oa:2', NOW)).toEqual(new Date(NOW.getTime() - DAY));
        await db.store.touch('zalo-oa:2', NOW);
        expect(await db.store.lastInbound('zalo-oa:2', NOW)).toEqual(NOW);
        await db.commitForget('zalo-oa:2');
        expect(await db.store.lastInbound('zalo-oa:2', NOW)).toBeUndefined();
        expect(await db.store.lastInbound('zalo-oa:3', NOW)).toEqual(NOW);
        expect(await db.checkChannels()).toEqual(['zalo-bot', 'zalo-oa']);
      } finally {
        await db.close();
      }
    });
  });
}

const check = { type: 'check', track: 'id.vn', outcome: 'eligible', reason: 'idvn_age_in_range', referrer: null, locality: null, anonymous: false } as const;

contract('SQLite', async () => {
  const s = openStore<Session>(':memory:');
  return {
    store: s.zaloOa,
    commitForget: async (address) => s.records.commitTurn(address, null, [{ type: 'forget' }], NOW),
    checkChannels: async () => {
      await s.records.commitTurn('zalo-bot:a', null, [check], NOW);
      await s.records.commitTurn('zalo-oa:b', null, [check], NOW);
      return (await s.records.listChecks()).map((c) => c.channel).sort();
    },
    close: () => s.close(),
  };
});

describePg('PostgreSQL', () => {
  contract('PostgreSQL store', async () => {
    const s = await openPostgresStore<Session>(await freshPgUrl());
    return {
      store: s.zaloOa,
      commitForget: async (address) => s.records.commitTurn(address, null, [{ type: 'forget' }], NOW),
      checkChannels: async () => {
        await s.records.commitTurn('zalo-bot:a', null, [check], NOW);
        await s.records.commitTurn('zalo-oa:b', null, [check], NOW);
        return (await s.records.listChecks()).map((c) => c.channel).sort();
      },
      close: () => s.close(),
    };
  });
});

describe('schema step 8 on an existing SQLite database', () => {
  it('keeps every check and registration (ids, columns, indexes) and accepts the new channels', async () => {
    const Database = (await import('better-sqlite3')).default;
    const { migrate } = await import('../../src/storage/migrate.js');
    const { MIGRATIONS } = await import('../../src/storage/migrations/index.js');
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 7));
    db.prepare("INSERT INTO checks (id, address, channel, track, outcome, reason, created_at, assisted) VALUES (7, 'zalo:1', 'zalo', 'id.vn', 'eligible', 'idvn_age_in_range', '2026-11-01T00:00:00.000Z', 0)").run();
    db.prepare("INSERT INTO registrations (id, address, channel, track, source, created_at, free_until) VALUES (3, 'telegram:1', 'telegram', 'biz.vn', 'person', '2026-11-02T00:00:00.000Z', '2028-11-02')").run();
    db.prepare("INSERT INTO renewals (id, address, channel, track, created_at) VALUES (4, NULL, 'zalo', 'id.vn', '2026-11-03T00:00:00.000Z')").run();
    expect(() => db.prepare("INSERT INTO checks (address, channel, track, outcome, reason, created_at) VALUES (NULL, 'zalo-oa', 'id.vn', 'eligible', 'x', '2026-11-01T00:00:00.000Z')").run()).toThrow(/CHECK/);
    const indexes = (): string[] => db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' AND tbl_name IN ('checks', 'registrations', 'renewals') ORDER BY name").all().map((r) => r.name);
    const before = indexes();
    expect(migrate(db)).toEqual({ from: 7, to: MIGRATIONS.length });
    expect(indexes()).toEqual(before);
    expect(db.prepare('SELECT id, channel, assisted, helper FROM checks').all()).toEqual([{ id: 7, channel: 'zalo', assisted: 0, helper: null }]);
    expect(db.prepare('SELECT id, channel, free_until FROM registrations').all()).toEqual([{ id: 3, channel: 'telegram', free_until: '2028-11-02' }]);
    expect(db.prepare('SELECT id, channel FROM renewals').all()).toEqual([{ id: 4, channel: 'zalo' }]);
    db.prepare("INSERT INTO renewals (address, channel, track, created_at) VALUES (NULL, 'zalo-bot', 'id.vn', '2026-11-03T00:00:00.000Z')").run();
    db.prepare("INSERT INTO checks (address, channel, track, outcome, reason, created_at) VALUES (NULL, 'zalo-oa', 'id.vn', 'eligible', 'x', '2026-11-01T00:00:00.000Z')").run();
    expect(() => db.prepare("INSERT INTO checks (address, channel, track, outcome, reason, created_at) VALUES (NULL, 'viber', 'id.vn', 'eligible', 'x', '2026-11-01T00:00:00.000Z')").run()).toThrow(/CHECK/);
    db.close();
  });
});
