/**
 * The PostgreSQL RecordStore and SessionStore: the same contract stories as
 * the memory fake and SQLite, the fast-check agreement with the memory fake,
 * and parity stories (outreach and issue #11 writes through commitTurn) run
 * on SQLite and on PostgreSQL with deep-equal results. Stores are built
 * directly (not through openPostgresStore), so these tests need only the
 * files they test. Skipped when the suite has no PostgreSQL server.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Address } from '../../src/core/message.js';
import type { OutreachWrite } from '../../src/core/outreach.js';
import type { Clock, RecordStore, SessionStore, Write } from '../../src/core/ports.js';
import { openStore } from '../../src/storage/index.js';
import { connectPostgres, type PgDatabase } from '../../src/storage/postgres/database.js';
import { migratePostgres } from '../../src/storage/postgres/migrate.js';
import { createPgRecordStore } from '../../src/storage/postgres/pg-record-store.js';
import { createPgSessionStore } from '../../src/storage/postgres/pg-session-store.js';
import { createMemoryStore } from '../fakes/memory-store.js';
import { describePg, freshPgUrl } from '../support/postgres.js';
import { NOW, minutesLater, recordStoreContract, type TestState } from './record-store-contract.js';
import { sessionStoreContract, type ContractState } from './session-store-contract.js';
import { expectSameAsMemory, turnArb } from './turn-arbitraries.js';

type PgRecords<S> = { db: PgDatabase; records: RecordStore; sessions: SessionStore<S>; close(): Promise<void> };

const fixedClock: Clock = { now: () => new Date('2026-11-23T02:00:00Z') };

/** A record and session store over a fresh, migrated schema of the suite's server. */
async function openPgRecords<S>(clock?: Clock): Promise<PgRecords<S>> {
  const db = connectPostgres(await freshPgUrl(), { poolSize: 3, lockPoolSize: 1 });
  await migratePostgres(db);
  return {
    db,
    records: createPgRecordStore(db),
    sessions: createPgSessionStore<S>(db, clock === undefined ? {} : { clock }),
    close: () => db.close(),
  };
}

describePg('PostgreSQL stores', () => {
  recordStoreContract('postgres', () => openPgRecords<TestState>());
  sessionStoreContract('postgres', () => openPgRecords<ContractState>(fixedClock));

  describe('PostgreSQL session rows', () => {
    const LAN: Address = 'zalo:lan';

    it('a corrupt JSON row reads as a fresh conversation, not an exception', async () => {
      const pg = await openPgRecords<TestState>();
      try {
        await pg.db.query('INSERT INTO sessions (address, state, updated_at) VALUES ($1, $2, $3)', [LAN, '{"flow": "idvn",', 'x']);
        expect(await pg.sessions.read(LAN)).toBeUndefined();
      } finally {
        await pg.close();
      }
    });

    it('write stamps updated_at from the clock; commitTurn stamps it with the turn time', async () => {
      const pg = await openPgRecords<TestState>(fixedClock);
      try {
        await pg.sessions.write(LAN, { flow: 'idvn' });
        expect(await pg.db.query('SELECT updated_at FROM sessions')).toEqual([{ updated_at: '2026-11-23T02:00:00.000Z' }]);
        await pg.records.commitTurn(LAN, { flow: 'bizvn' }, [], minutesLater(3));
        expect(await pg.db.query('SELECT updated_at FROM sessions')).toEqual([{ updated_at: minutesLater(3).toISOString() }]);
      } finally {
        await pg.close();
      }
    });
  });

  describe('memory fake and PostgreSQL agree', () => {
    it('on every read after any sequence of turns', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(turnArb, { maxLength: 25 }), async (turns) => {
          const memory = createMemoryStore<TestState>();
          const pg = await openPgRecords<TestState>();
          try {
            await expectSameAsMemory(pg, memory, turns);
          } finally {
            await pg.close();
          }
        }),
        { numRuns: 25, seed: 20261123 },
      );
    }, 60_000);
  });

  describe('SQLite and PostgreSQL agree', () => {
    const later = (days: number): Date => new Date(NOW.getTime() + days * 86_400_000);
    const HELPER: Address = 'zalo:helper';

    /** Runs `fn` on an SQLite :memory: store and a PostgreSQL one; returns both results. */
    async function onBoth<T>(
      fn: (records: RecordStore, sql: (text: string, params?: unknown[]) => Promise<unknown[]>) => Promise<T>,
    ): Promise<{ sqlite: T; pg: T }> {
      const sqliteStore = openStore<unknown>(':memory:');
      const pgStore = await openPgRecords<unknown>();
      try {
        // $1, $2… in order, each once: the same text runs on both.
        const sqlite = await fn(sqliteStore.records, async (text, params = []) => {
          const statement = sqliteStore.db.prepare(text.replace(/\$\d+/g, '?'));
          if (statement.reader) return statement.all(...params);
          statement.run(...params);
          return [];
        });
        const pg = await fn(pgStore.records, (text, params = []) => pgStore.db.query(text, params));
        return { sqlite, pg };
      } finally {
        sqliteStore.close();
        await pgStore.close();
      }
    }

    const registration = (over: Partial<Extract<OutreachWrite, { type: 'registration' }>> = {}): Write => ({
      type: 'registration', track: 'id.vn', domain: 'hoten.id.vn', referrer: 'DTN_07', locality: 'Kiến An', anonymous: false, ...over,
    });

    it('countRegistrations story: counts, windows and what forget and anonymity leave', async () => {
      const { sqlite, pg } = await onBoth(async (records, sql) => {
        await records.commitTurn('zalo:1', null, [registration()], NOW);
        await records.commitTurn('zalo:2', null, [registration({ anonymous: true })], later(1));
        await records.commitTurn('telegram:3', null, [registration({ track: 'biz.vn', domain: 'shop.biz.vn', referrer: null })], later(2));
        await records.commitTurn('zalo:4', null, [registration({ referrer: 'dtn_07', locality: null })], later(2));
        await records.commitTurn('zalo:1', null, [{ type: 'forget' }], later(3));
        const window = { from: later(1).toISOString(), to: later(2).toISOString(), channel: 'zalo' as const };
        let refused = '';
        try {
          await records.countRegistrations({ from: '2026-11-23' });
        } catch (error) {
          refused = error instanceof Error ? error.message : String(error);
        }
        return {
          all: await records.countRegistrations(),
          window: await records.countRegistrations(window),
          rows: await sql('SELECT address, channel, track, domain, referrer, locality, source, created_at FROM registrations ORDER BY id'),
          refused,
        };
      });
      expect(pg).toEqual(sqlite);
      expect(pg.all).toEqual([
        { track: 'biz.vn', referrer: null, locality: 'Kiến An', count: 1 },
        { track: 'id.vn', referrer: 'DTN_07', locality: 'Kiến An', count: 2 },
        { track: 'id.vn', referrer: 'dtn_07', locality: null, count: 1 },
      ]);
      expect(pg.refused).toMatch(/full ISO UTC timestamp/);
    });

    it('follow-ups and news: a new yes replaces pending reminders, /stop cancels all, forget deletes them', async () => {
      const { sqlite, pg } = await onBoth(async (records, sql) => {
        const schedule = (days: number): Write => ({
          type: 'followups',
          schedule: [
            { kind: 'remind', dueAt: later(days).toISOString(), track: 'id.vn', deadline: null },
            { kind: 'deadline', dueAt: later(days + 1).toISOString(), track: 'biz.vn', deadline: '2026-12-31' },
          ],
        });
        await records.commitTurn('zalo:1', null, [{ type: 'news', optIn: true }, schedule(7)], NOW);
        await records.commitTurn('zalo:1', null, [schedule(8), { type: 'news', optIn: true }], later(1));
        await records.commitTurn('telegram:2', null, [schedule(7), { type: 'news', optIn: true }], NOW);
        await records.commitTurn('telegram:2', null, [{ type: 'followups_cancel', scope: 'reminders' }], later(1));
        await records.commitTurn('console:3', null, [schedule(3), { type: 'news', optIn: true }], NOW);
        await records.commitTurn('console:3', null, [{ type: 'followups_cancel', scope: 'all' }, { type: 'news', optIn: false }], later(2));
        const followups = 'SELECT address, kind, track, deadline, due_at, attempts, sent_at, failed_at, cancelled_at, created_at FROM followups ORDER BY id';
        const before = { followups: await sql(followups), news: await sql('SELECT address, created_at FROM news_optins ORDER BY address') };
        await records.commitTurn('zalo:1', null, [{ type: 'forget' }], later(3));
        return { before, followups: await sql(followups), news: await sql('SELECT address, created_at FROM news_optins ORDER BY address') };
      });
      expect(pg).toEqual(sqlite);
      expect(pg.before.followups).toHaveLength(8);
      expect(pg.followups).toHaveLength(4);
      expect(pg.news).toEqual([{ address: 'telegram:2', created_at: NOW.toISOString() }]);
    });

    it('assisted checks (credited to the helper or their code), locality, funnel steps and feedback', async () => {
      const { sqlite, pg } = await onBoth(async (records, sql) => {
        await sql('INSERT INTO referrers (code, label, address, created_by, created_at) VALUES ($1, $2, $3, NULL, $4)', [
          'DTN_07', 'Đoàn phường', 'telegram:coded', NOW.toISOString(),
        ]);
        const assisted = (helper: Address | null, referrer: string | null = null): Write => ({
          type: 'check', track: 'id.vn', outcome: 'eligible', reason: 'idvn_age_in_range', referrer, locality: null, anonymous: true, assisted: true, helper,
        });
        await records.commitTurn(HELPER, null, [{ ...assisted(HELPER), anonymous: false } as Write, assisted(null)], NOW);
        await records.commitTurn('telegram:coded', null, [assisted('telegram:coded'), assisted('telegram:coded', 'other')], NOW);
        await records.commitTurn('zalo:lan', null, [
          { type: 'check', track: 'biz.vn', outcome: 'undetermined', reason: 'bizvn_household_certified', referrer: null, locality: null, anonymous: false },
          { type: 'locality', locality: 'Kiến An' },
        ], minutesLater(1));
        const step = (day: string, track: 'id.vn' | null): Write => ({ type: 'funnel', day, step: 'started', track });
        await records.commitTurn('zalo:a', null, [step('2026-11-23', null), step('2026-11-23', null), step('2026-11-24', null), step('2026-11-23', 'id.vn')], NOW);
        await records.commitTurn('zalo:b', null, [
          { type: 'feedback', track: 'biz.vn', helpful: false, category: 'unclear' },
          { type: 'feedback', track: 'id.vn', helpful: true, category: null },
        ], NOW);
        return {
          checks: await records.listChecks(),
          lan: await records.getPerson('zalo:lan'),
          funnel: await sql('SELECT day, step, track, count FROM funnel ORDER BY day, step, track'),
          feedback: await sql('SELECT track, helpful, category, created_at FROM feedback ORDER BY id'),
        };
      });
      expect(pg).toEqual(sqlite);
      expect(pg.checks.filter((c) => c.assisted === true).map((c) => [c.referrer, c.helper])).toEqual([
        [null, HELPER],
        [null, null],
        ['DTN_07', null],
        ['other', null],
      ]);
      expect(pg.checks.at(-1)).toMatchObject({ address: 'zalo:lan', locality: 'Kiến An' });
    });

    it('forgetting a helper takes their address off credited checks and deletes their handoffs', async () => {
      const { sqlite, pg } = await onBoth(async (records, sql) => {
        await records.commitTurn(HELPER, null, [
          { type: 'check', track: 'id.vn', outcome: 'eligible', reason: 'idvn_age_in_range', referrer: null, locality: null, anonymous: true, assisted: true, helper: HELPER },
        ], NOW);
        for (const address of [HELPER, 'zalo:other']) {
          await sql('INSERT INTO handoffs (address, created_at) VALUES ($1, $2)', [address, NOW.toISOString()]);
        }
        await records.commitTurn(HELPER, null, [{ type: 'forget' }], NOW);
        return { checks: await records.listChecks(), handoffs: await sql('SELECT address, status FROM handoffs ORDER BY id') };
      });
      expect(pg).toEqual(sqlite);
      expect(pg.checks).toEqual([expect.objectContaining({ assisted: true, helper: null })]);
      expect(pg.handoffs).toEqual([{ address: 'zalo:other', status: 'open' }]);
    });

    it('the PostgreSQL schema refuses an assisted check with an address', async () => {
      const store = await openPgRecords<unknown>();
      try {
        await expect(
          store.db.query(
            "INSERT INTO checks (address, channel, track, outcome, reason, created_at, assisted) VALUES ('zalo:x', 'zalo', 'id.vn', 'eligible', 'idvn_age_in_range', $1, 1)",
            [NOW.toISOString()],
          ),
        ).rejects.toThrow(/check constraint/);
      } finally {
        await store.close();
      }
    });
  });
});
