/**
 * Issue #22 on both databases: the same turns (renewal reminders, "đã gia
 * hạn", a registration with its last free day, forget) through commitTurn,
 * the same staff mark, postpone and the RenewalStore reads give the same
 * answers and leave the same rows on SQLite and PostgreSQL.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Address } from '../../src/core/message.js';
import type { FollowupStore, RecordStore, Write } from '../../src/core/ports.js';
import { openStore, type Store } from '../../src/storage/index.js';
import { connectPostgres, type PgDatabase } from '../../src/storage/postgres/database.js';
import { migratePostgres } from '../../src/storage/postgres/migrate.js';
import { createPgFollowupStore } from '../../src/storage/postgres/pg-followup-store.js';
import { createPgRecordStore } from '../../src/storage/postgres/pg-record-store.js';
import Database from 'better-sqlite3';
import { MIGRATIONS, migrate } from '../../src/storage/index.js';
import { PG_MIGRATIONS } from '../../src/storage/postgres/migrations/index.js';
import { describePg, freshPgUrl, loadBoth } from '../support/postgres.js';

type Ports = { records: RecordStore; followups: FollowupStore };

let sqlite: Store<unknown>;
let pg: PgDatabase;
let both: { sqlite: Ports; pg: Ports };

beforeEach(async () => {
  sqlite = openStore(':memory:');
  pg = connectPostgres(await freshPgUrl(), { poolSize: 3, lockPoolSize: 1 });
  await migratePostgres(pg);
  both = {
    sqlite: { records: sqlite.records, followups: sqlite.followups },
    pg: { records: createPgRecordStore(pg), followups: createPgFollowupStore(pg) },
  };
});

afterEach(async () => {
  sqlite?.close();
  await pg?.close();
});

async function same<T>(call: (ports: Ports) => T | Promise<T>): Promise<T> {
  const fromSqlite = await call(both.sqlite);
  const fromPg = await call(both.pg);
  expect(fromPg).toEqual(fromSqlite);
  return fromPg;
}

async function sameRows(table: string): Promise<unknown[]> {
  const fromSqlite = sqlite.db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();
  const fromPg = await pg.query(`SELECT * FROM ${table} ORDER BY 1`);
  expect(fromPg).toEqual(fromSqlite);
  return fromPg;
}

const at = (iso: string): Date => new Date(iso);

async function turn(address: Address, writes: readonly Write[], now: string): Promise<void> {
  await same((p) => p.records.commitTurn(address, { v: 1 }, writes, at(now)));
}

const consent: Write = { type: 'person', patch: { consent: 'granted', consentAt: '2026-11-23T03:00:00.000Z', locality: 'Kiến An' } };
const registration = (track: 'id.vn' | 'biz.vn', domain: string | null, anonymous = false): Write => ({
  type: 'registration', track, domain, referrer: null, locality: anonymous ? null : 'Kiến An', anonymous, freeUntil: '2028-11-23',
});

describePg('renewals: PostgreSQL = SQLite', () => {
  it('turn writes, reads, counts, the export list, postpone and forget agree', async () => {
    await turn('zalo:1', [consent, registration('id.vn', 'hoten.id.vn')], '2026-11-23T03:00:00.000Z');
    await turn('zalo:1', [{
      type: 'renewal_reminders', track: 'id.vn', freeUntil: '2027-03-15',
      dueAt: ['2027-01-14T02:00:00.000Z', '2027-02-13T02:00:00.000Z', '2027-03-08T02:00:00.000Z'],
    }], '2026-11-23T03:05:00.000Z');
    await turn('telegram:2', [consent, registration('biz.vn', 'shop.biz.vn')], '2026-11-24T03:00:00.000Z');
    await turn('telegram:9', [registration('id.vn', null, true)], '2026-11-24T04:00:00.000Z');
    await turn('telegram:2', [{ type: 'renewal_reported', track: 'biz.vn', locality: 'Kiến An', anonymous: false }], '2026-12-01T03:00:00.000Z');
    await turn('zalo:7', [{ type: 'renewal_reported', track: 'id.vn', locality: null, anonymous: true }], '2026-12-02T03:00:00.000Z');
    await same((p) => p.followups.recordStaffRegistration({ address: 'telegram:2', domain: 'second.id.vn', track: 'id.vn', now: at('2026-12-03T03:00:00.000Z'), freeUntil: '2028-12-03' }));

    const periods = await same((p) => p.followups.renewals?.periodsOf('zalo:1'));
    expect(periods).toEqual([{ track: 'id.vn', domain: 'hoten.id.vn', freeUntil: '2027-03-15', reminders: 3, renewedAt: null }]);
    const counts = await same((p) => p.followups.renewals?.counts({ from: '2027-01-01', to: '2028-12-31' }, { from: '2026-10-01T00:00:00.000Z', to: '2026-12-31T16:59:59.999Z' }));
    expect(counts?.renewed).toEqual([{ track: 'biz.vn', locality: 'Kiến An', count: 1 }, { track: 'id.vn', locality: null, count: 1 }]);
    expect(counts?.ending.reduce((s, c) => s + c.count, 0)).toBe(4);
    const list = await same((p) => p.followups.renewals?.list({ from: '2027-01-01', to: '2028-12-31' }));
    expect(list?.map((r) => [r.address, r.domain, r.freeUntil, r.reminders])).toEqual([
      ['zalo:1', 'hoten.id.vn', '2027-03-15', true],
      ['telegram:2', 'shop.biz.vn', '2028-11-23', false],
      ['telegram:2', 'second.id.vn', '2028-12-03', false],
    ]);
    const due = await same((p) => p.followups.due(at('2027-01-14T02:00:00.000Z'), 10));
    expect(due.map((d) => [d.kind, d.deadline])).toEqual([['renewal_offer', '2028-12-03'], ['renewal', '2027-03-15']]);
    await same((p) => p.followups.postpone?.(due[1]?.id ?? 0, at('2027-01-15T01:00:00.000Z')));
    await sameRows('followups');
    await sameRows('registrations');
    await sameRows('renewals');

    await turn('telegram:2', [{ type: 'forget' }], '2026-12-05T03:00:00.000Z');
    await sameRows('renewals');
    await sameRows('followups');
    expect(await pg.query("SELECT count(*)::int AS n FROM renewals WHERE address = 'telegram:2'")).toEqual([{ n: 0 }]);
  });

  it('schema 7 gives older registrations their last free day the same way on both (29 Feb → 1 Mar)', async () => {
    const lite = new Database(':memory:');
    migrate(lite, MIGRATIONS.slice(0, 6));
    const old = connectPostgres(await freshPgUrl(), { poolSize: 2, lockPoolSize: 1 });
    try {
      await migratePostgres(old, PG_MIGRATIONS.slice(0, 6));
      const insert = "INSERT INTO registrations (address, channel, track, domain, referrer, locality, source, created_at) VALUES (NULL, 'zalo', 'id.vn', NULL, NULL, NULL, 'person', ?)";
      const created = ['2024-02-28T18:00:00.000Z', '2025-06-01T16:59:59.999Z', '2025-06-01T17:00:00.000Z'];
      await loadBoth(lite, old, insert, created.map((c) => [c]));
      const followup = "INSERT INTO followups (address, kind, track, deadline, due_at, created_at) VALUES ('zalo:1', 'deadline', 'biz.vn', '2027-01-10', ?, ?)";
      await loadBoth(lite, old, followup, [['2026-12-11T02:00:00.000Z', '2026-11-23T02:00:00.000Z']]);
      migrate(lite);
      await migratePostgres(old);
      const fromSqlite = lite.prepare('SELECT free_until FROM registrations ORDER BY id').pluck().all();
      const fromPg = (await old.query<{ free_until: string }>('SELECT free_until FROM registrations ORDER BY id')).map((r) => r.free_until);
      expect(fromSqlite).toEqual(['2026-03-01', '2027-06-01', '2027-06-02']);
      expect(fromPg).toEqual(fromSqlite);
      // SQLite rebuilt `followups` for the new kinds: the rows are all still there.
      expect(lite.prepare('SELECT id, address, kind, deadline, due_at FROM followups').all()).toEqual(await old.query('SELECT id, address, kind, deadline, due_at FROM followups'));
      expect(lite.prepare('SELECT count(*) FROM followups').pluck().get()).toBe(1);
    } finally {
      lite.close();
      await old.close();
    }
  });
});
