/**
 * pgPurgeExpired = purgeExpired: a realistic mix of rows (expired and
 * active people, old checks and sessions, follow-ups, news opt-ins,
 * registrations, handoffs, assisted checks credited to a helper) goes into
 * SQLite and PostgreSQL with plain INSERTs; the purge must report the same
 * counts and leave the same rows on both. Skipped without a PostgreSQL server.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/storage/index.js';
import { purgeExpired, retentionCutoff } from '../../src/storage/retention.js';
import { connectPostgres, type PgDatabase } from '../../src/storage/postgres/database.js';
import { migratePostgres } from '../../src/storage/postgres/migrate.js';
import { pgPurgeExpired } from '../../src/storage/postgres/pg-retention.js';
import { describePg, freshPgUrl, loadBoth } from '../support/postgres.js';

const NOW = new Date('2026-11-23T02:00:00.000Z');
const DAYS = 730;
const CUTOFF = retentionCutoff(NOW, DAYS);
/** `days` before NOW. */
const ago = (days: number): string => new Date(NOW.getTime() - days * 86_400_000).toISOString();

const TABLES = ['people', 'sessions', 'checks', 'followups', 'broadcasts', 'news_optins', 'registrations', 'handoffs', 'feedback', 'funnel'];

let sqlite: Store<unknown>;
let pg: PgDatabase;

beforeEach(async () => {
  sqlite = openStore(':memory:');
  pg = connectPostgres(await freshPgUrl(), { poolSize: 2, lockPoolSize: 1 });
  await migratePostgres(pg);
});

afterEach(async () => {
  sqlite?.close();
  await pg?.close();
});

function load(sql: string, rows: readonly (readonly unknown[])[]): Promise<void> {
  return loadBoth(sqlite.db, pg, sql, rows);
}

/** Every row of every table, the same on both; returns them as JSON for "is this address gone?" checks. */
async function sameTables(): Promise<string> {
  const dump: unknown[] = [];
  for (const table of TABLES) {
    const fromSqlite = sqlite.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
    const fromPg = await pg.query(`SELECT * FROM ${table} ORDER BY 1, 2`);
    expect({ table, rows: fromPg }).toEqual({ table, rows: fromSqlite });
    dump.push(fromPg);
  }
  return JSON.stringify(dump);
}

async function fixture(): Promise<void> {
  const person = (address: string, updated: number, consent: string | null = 'granted') => [address, 'vi', consent, consent === null ? null : ago(900), 'DTN_07', 'Kiến An', ago(900), ago(updated)];
  await load('INSERT INTO people (address, locale, consent, consent_at, referrer, locality, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    person('zalo:old', 800), // expired: nothing newer anywhere
    person('console:old2', 740, null), // expired, no checks at all
    person('zalo:chatting', 800), // person row old, but a session from last week
    person('telegram:loyal', 800), // person row old, but a check 40 days ago
    person('telegram:recent', 10),
    ['zalo:edge', 'vi', null, null, null, null, CUTOFF, CUTOFF], // exactly at the cutoff: kept
  ]);
  await load('INSERT INTO sessions (address, state, updated_at) VALUES (?, ?, ?)', [
    ['zalo:old', '{"step":{"flow":"menu"}}', ago(800)],
    ['zalo:chatting', '{"step":{"flow":"menu"}}', ago(7)],
    ['telegram:500', '{"step":{"flow":"menu"}}', ago(731)], // a session only, nobody stored
    ['telegram:recent', '{"step":{"flow":"idvn"}}', ago(1)],
  ]);
  const check = (address: string | null, days: number, assisted = 0, helper: string | null = null) =>
    [address, address?.startsWith('telegram') ? 'telegram' : 'zalo', 'id.vn', 'eligible', 'idvn_age_in_range', 'DTN_07', 'Kiến An', ago(days), assisted, helper];
  await load('INSERT INTO checks (address, channel, track, outcome, reason, referrer, locality, created_at, assisted, helper) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    check('zalo:old', 800),
    check('zalo:old', 750),
    check('zalo:chatting', 790), // old check of an active person: loses its address
    check('telegram:loyal', 740),
    check('telegram:loyal', 40),
    check('telegram:recent', 10),
    check('zalo:gone', 760), // no person row (declined consent long ago)
    check(null, 900), // already anonymous
    check(null, 10, 1, 'zalo:old'), // assisted, credited to an expired helper
    check(null, 750, 1, 'telegram:recent'), // old assisted check: helper dropped
    check(null, 5, 1, 'telegram:recent'), // kept
  ]);
  await load('INSERT INTO broadcasts (announcement, track, locality, created_by, recipients, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
    ['Ngày hội tên miền', 'id.vn', null, 'telegram:staff', 2, ago(750)],
  ]);
  await load('INSERT INTO followups (address, kind, track, deadline, broadcast_id, due_at, sent_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    ['zalo:old', 'remind', 'id.vn', null, null, ago(790), null, ago(797)],
    ['zalo:old', 'deadline', 'biz.vn', '2024-12-31', null, ago(700), null, ago(720)], // newer than the cutoff, but its person expired
    ['telegram:loyal', 'broadcast', 'id.vn', null, 1, ago(750), ago(750), ago(750)],
    ['telegram:recent', 'broadcast', 'id.vn', null, 1, ago(750), ago(750), ago(750)],
    ['telegram:recent', 'remind', 'id.vn', null, null, ago(-3), null, ago(4)],
  ]);
  await load('INSERT INTO news_optins (address, created_at) VALUES (?, ?)', [
    ['zalo:old', ago(800)],
    ['telegram:recent', ago(800)], // old opt-in of an active person: kept
  ]);
  await load('INSERT INTO registrations (address, channel, track, domain, referrer, locality, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    ['zalo:old', 'zalo', 'id.vn', 'tranvanbinh.id.vn', 'DTN_07', 'Kiến An', 'person', ago(790)],
    ['zalo:old', 'zalo', 'id.vn', 'old.id.vn', 'DTN_07', 'Kiến An', 'staff', ago(100)],
    ['telegram:loyal', 'telegram', 'biz.vn', 'shop.biz.vn', null, 'Kiến An', 'person', ago(760)],
    ['telegram:recent', 'telegram', 'id.vn', 'recent.id.vn', null, null, 'person', ago(5)],
    [null, 'zalo', 'id.vn', null, 'DTN_07', null, 'person', ago(900)],
  ]);
  await load('INSERT INTO handoffs (address, status, created_at) VALUES (?, ?, ?)', [
    ['zalo:old', 'answered', ago(795)],
    ['telegram:loyal', 'open', ago(740)],
    ['telegram:recent', 'open', ago(1)],
  ]);
  await load('INSERT INTO feedback (track, helpful, category, created_at) VALUES (?, ?, ?, ?)', [['id.vn', 1, null, ago(800)]]);
  await load('INSERT INTO funnel (day, step, track, count) VALUES (?, ?, ?, ?)', [['2024-11-01', 'started', '', 3]]);
}

describePg('pgPurgeExpired = purgeExpired', () => {
  it('same counts and the same rows left on a realistic mix; the expired addresses are in no table', async () => {
    await fixture();
    await sameTables();
    const fromSqlite = purgeExpired(sqlite.db, NOW, DAYS);
    const fromPg = await pgPurgeExpired(pg, NOW, DAYS);
    expect(fromPg).toEqual(fromSqlite);
    expect(fromPg).toEqual({ cutoff: CUTOFF, people: 2, sessions: 2, checks: 5, other: 12 });
    const dump = await sameTables();
    for (const gone of ['zalo:old', 'console:old2', 'telegram:500', 'tranvanbinh', 'old.id.vn', 'shop.biz.vn']) expect(dump).not.toContain(gone);
    for (const kept of ['zalo:chatting', 'telegram:loyal', 'telegram:recent', 'zalo:edge', 'recent.id.vn']) expect(dump).toContain(kept);

    // Idempotent: nothing more to do the same day.
    const again = { cutoff: CUTOFF, people: 0, sessions: 0, checks: 0, other: 0 };
    expect(purgeExpired(sqlite.db, NOW, DAYS)).toEqual(again);
    expect(await pgPurgeExpired(pg, NOW, DAYS)).toEqual(again);
  });

  it('a later purge catches up the people who have expired since, alike', async () => {
    await fixture();
    purgeExpired(sqlite.db, NOW, DAYS);
    await pgPurgeExpired(pg, NOW, DAYS);
    const next = new Date(NOW.getTime() + 60 * 86_400_000);
    const fromSqlite = purgeExpired(sqlite.db, next, DAYS);
    expect(await pgPurgeExpired(pg, next, DAYS)).toEqual(fromSqlite);
    expect(fromSqlite.people).toBe(1); // zalo:edge
    await sameTables();
  });

  it('an empty database and a nonsense retention behave alike', async () => {
    expect(await pgPurgeExpired(pg, NOW, DAYS)).toEqual(purgeExpired(sqlite.db, NOW, DAYS));
    expect(() => purgeExpired(sqlite.db, NOW, 0)).toThrow(/RETENTION_DAYS/);
    await expect(pgPurgeExpired(pg, NOW, 0)).rejects.toThrow(/RETENTION_DAYS/);
  });
});
