/**
 * Parity of the PostgreSQL FollowupStore, HandoffStore and funnel queries
 * with SQLite's: the same rows (plain INSERTs, no commitTurn) go into an
 * in-memory SQLite store and a fresh PostgreSQL schema, the same calls run
 * on both, and the answers (and the rows left behind) must be deep-equal.
 * Skipped when the suite has no PostgreSQL server.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { FollowupStore } from '../../src/core/outreach.js';
import type { HandoffStore } from '../../src/core/handoff.js';
import type { AnalyticsQueries } from '../../src/core/funnel.js';
import { openStore, type Store } from '../../src/storage/index.js';
import { HANDOFF_DAYS } from '../../src/storage/sqlite-handoff-store.js';
import { createSqlitePeriodAnalytics } from '../../src/storage/sqlite-funnel-queries.js';
import { connectPostgres, type PgDatabase } from '../../src/storage/postgres/database.js';
import { migratePostgres } from '../../src/storage/postgres/migrate.js';
import { createPgFollowupStore } from '../../src/storage/postgres/pg-followup-store.js';
import { createPgHandoffStore } from '../../src/storage/postgres/pg-handoff-store.js';
import { createPgFunnelQueries, createPgPeriodAnalytics } from '../../src/storage/postgres/pg-funnel-queries.js';
import { describePg, freshPgUrl, loadBoth } from '../support/postgres.js';

const NOW = new Date('2026-11-23T02:00:00.000Z');
const at = (days: number, hours = 0): string => new Date(NOW.getTime() + days * 86_400_000 + hours * 3_600_000).toISOString();
const later = (days: number): Date => new Date(at(days));

type Ports = { followups: FollowupStore; handoffs: HandoffStore; analytics: AnalyticsQueries };

let sqlite: Store<unknown>;
let pg: PgDatabase;
let both: { sqlite: Ports; pg: Ports };

beforeEach(async () => {
  sqlite = openStore(':memory:');
  pg = connectPostgres(await freshPgUrl(), { poolSize: 3, lockPoolSize: 1 });
  await migratePostgres(pg);
  both = {
    sqlite: { followups: sqlite.followups, handoffs: sqlite.handoffs, analytics: sqlite.analytics },
    pg: { followups: createPgFollowupStore(pg), handoffs: createPgHandoffStore(pg), analytics: createPgFunnelQueries(pg) },
  };
});

afterEach(async () => {
  sqlite?.close();
  await pg?.close();
});

/** One INSERT (with `?` placeholders) per row, into both databases. */
function load(sql: string, rows: readonly (readonly unknown[])[]): Promise<void> {
  return loadBoth(sqlite.db, pg, sql, rows);
}

/** Runs `call` on SQLite then PostgreSQL, expects equal answers and returns PostgreSQL's. */
async function same<T>(call: (ports: Ports) => T | Promise<T>): Promise<T> {
  const fromSqlite = await call(both.sqlite);
  const fromPg = await call(both.pg);
  expect(fromPg).toEqual(fromSqlite);
  return fromPg;
}

/** Every row of a table in both databases must be the same. */
async function sameRows(table: string): Promise<unknown[]> {
  const fromSqlite = sqlite.db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();
  const fromPg = await pg.query(`SELECT * FROM ${table} ORDER BY 1`);
  expect(fromPg).toEqual(fromSqlite);
  return fromPg;
}

const PERSON = 'INSERT INTO people (address, locale, consent, consent_at, referrer, locality, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
const CHECK = 'INSERT INTO checks (address, channel, track, outcome, reason, referrer, locality, created_at, assisted, helper) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const FOLLOWUP = 'INSERT INTO followups (address, kind, track, deadline, due_at, sent_at, failed_at, cancelled_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
const REGISTRATION = 'INSERT INTO registrations (address, channel, track, domain, referrer, locality, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

async function outreachFixture(): Promise<void> {
  const t = at(-30);
  await load(PERSON, [
    ['zalo:1', 'vi', 'granted', t, 'DTN_07', 'Kiến An', t, t],
    ['zalo:2', 'en', 'granted', t, null, '  kien   an ', t, t],
    ['telegram:3', 'vi', 'granted', t, null, 'Phù Liễn', t, t],
    ['telegram:4', 'vi', 'declined', t, null, 'Kiến An', t, t],
    ['telegram:6', 'vi', null, null, null, null, t, t],
    ['zalo:7', 'vi', 'granted', t, 'DTN_09', null, t, t],
  ]);
  await load(CHECK, [
    ['zalo:1', 'zalo', 'id.vn', 'eligible', 'idvn_age_in_range', 'DTN_07', 'Kiến An', at(-30), 0, null],
    ['zalo:1', 'zalo', 'biz.vn', 'eligible', 'bizvn_household_certified', 'DTN_07', 'Kiến An', at(-29), 0, null],
    ['zalo:2', 'zalo', 'biz.vn', 'eligible', 'bizvn_household_certified', null, 'kien an', at(-29), 0, null],
    ['telegram:3', 'telegram', 'id.vn', 'eligible', 'idvn_age_in_range', null, 'Phù Liễn', at(-28), 0, null],
    ['telegram:4', 'telegram', 'id.vn', 'eligible', 'idvn_age_in_range', null, 'Kiến An', at(-28), 0, null],
  ]);
  await load('INSERT INTO news_optins (address, created_at) VALUES (?, ?)', [
    ['zalo:1', t], ['zalo:2', t], ['telegram:3', t], ['telegram:4', t], ['telegram:6', t], ['zalo:7', t], ['zalo:ghost', t],
  ]);
  await load(FOLLOWUP, [
    ['zalo:1', 'remind', 'id.vn', null, at(-1), null, null, null, t],
    ['zalo:2', 'deadline', 'biz.vn', '2026-12-31', at(-2), null, null, null, t],
    ['telegram:3', 'remind', 'id.vn', null, at(-1), null, null, null, t], // same due_at as zalo:1: id order
    ['zalo:1', 'deadline', 'biz.vn', '2026-12-15', at(3), null, null, null, t], // not due yet
    ['zalo:1', 'remind', 'id.vn', null, at(-5), at(-5), null, null, t], // sent
    ['zalo:2', 'remind', 'id.vn', null, at(-5), null, at(-5), null, t], // failed
    ['telegram:3', 'remind', 'id.vn', null, at(-5), null, null, at(-6), t], // cancelled
    ['console:nobody', 'remind', 'id.vn', null, at(-3), null, null, null, t], // no person row: locale vi
    ['zalo:7', 'remind', 'id.vn', null, at(0), null, null, null, t], // due exactly now
  ]);
  await load(REGISTRATION, [
    ['zalo:1', 'zalo', 'id.vn', 'hoten.id.vn', 'DTN_07', 'Kiến An', 'person', at(-10)],
    [null, 'zalo', 'id.vn', null, 'DTN_07', 'Kiến An', 'person', at(-9)],
    ['telegram:3', 'telegram', 'biz.vn', 'shop.biz.vn', null, 'Phù Liễn', 'person', at(-8)],
    ['zalo:1', 'zalo', 'biz.vn', null, 'DTN_07', 'Kiến An', 'person', at(-8)],
  ]);
}

describePg('PostgreSQL FollowupStore = SQLite FollowupStore', () => {
  it('due: pending only, oldest first (ties by id), with locale and a limit', async () => {
    await outreachFixture();
    const due = await same((p) => p.followups.due(NOW, 100));
    expect(due.map((d) => [d.address, d.kind, d.locale])).toEqual([
      ['console:nobody', 'remind', 'vi'],
      ['zalo:2', 'deadline', 'en'],
      ['zalo:1', 'remind', 'vi'],
      ['telegram:3', 'remind', 'vi'],
      ['zalo:7', 'remind', 'vi'],
    ]);
    expect(await same((p) => p.followups.due(NOW, 2))).toHaveLength(2);
    expect(await same((p) => p.followups.due(later(-4), 10))).toEqual([]);
    expect(await same((p) => p.followups.due(later(10), 10))).toHaveLength(6);
  });

  it('markSent, markFailed for good and markFailed with a retry time', async () => {
    await outreachFixture();
    const [first, second, third] = await same((p) => p.followups.due(NOW, 3));
    for (const f of [both.sqlite.followups, both.pg.followups]) {
      await f.markSent(first?.id ?? 0, NOW);
      await f.markFailed(second?.id ?? 0, NOW, `Zalo is not connected ${'x'.repeat(300)}`);
      await f.markFailed(third?.id ?? 0, NOW, 'timeout', later(1));
    }
    await sameRows('followups');
    const rows = await pg.query<{ id: number; attempts: number; error: string | null; due_at: string }>('SELECT id, attempts, error, due_at FROM followups WHERE id = $1', [third?.id ?? 0]);
    expect(rows).toEqual([{ id: third?.id, attempts: 1, error: 'timeout', due_at: at(1) }]);
    expect(await same((p) => p.followups.due(NOW, 10))).toHaveLength(2);
    expect((await same((p) => p.followups.due(later(1), 10))).map((d) => [d.id, d.attempts])).toContainEqual([third?.id, 1]);
  });

  it('countAudience: opted in with consent, by track and locality (diacritics- and space-blind)', async () => {
    await outreachFixture();
    const filters = [{}, { track: 'id.vn' }, { track: 'biz.vn' }, { locality: 'KIẾN AN' }, { track: 'biz.vn', locality: 'kien an' }, { locality: 'Hà Nội' }] as const;
    expect(await same((p) => Promise.all(filters.map((filter) => p.followups.countAudience(filter))))).toEqual([4, 2, 2, 2, 2, 0]);
  });

  it('enqueueBroadcast and lastBroadcast: queued in audience order, then delivered and failed counts', async () => {
    await outreachFixture();
    expect(await same((p) => p.followups.lastBroadcast())).toBeUndefined();
    const queued = await same((p) => p.followups.enqueueBroadcast({ text: 'Ngày hội tên miền 1/12', filter: { track: 'id.vn' }, createdBy: 'telegram:9', now: NOW }));
    expect(queued).toMatchObject({ recipients: 2, delivered: 0, failed: 0, pending: 2, track: 'id.vn', locality: null, createdAt: NOW.toISOString() });
    const due = await same((p) => p.followups.due(NOW, 100));
    const broadcasts = due.filter((d) => d.kind === 'broadcast');
    expect(broadcasts.map((d) => [d.address, d.text])).toEqual([
      ['telegram:3', 'Ngày hội tên miền 1/12'],
      ['zalo:1', 'Ngày hội tên miền 1/12'],
    ]);
    for (const f of [both.sqlite.followups, both.pg.followups]) {
      await f.markSent(broadcasts[0]?.id ?? 0, NOW);
      await f.markFailed(broadcasts[1]?.id ?? 0, NOW, 'blocked');
    }
    expect(await same((p) => p.followups.lastBroadcast())).toMatchObject({ id: queued.id, recipients: 2, delivered: 1, failed: 1, pending: 0 });

    const nobody = await same((p) => p.followups.enqueueBroadcast({ text: 'Hà Nội only', filter: { locality: 'Hà Nội' }, createdBy: null, now: later(1) }));
    expect(nobody).toMatchObject({ recipients: 0, pending: 0 });
    expect(await same((p) => p.followups.lastBroadcast())).toMatchObject({ id: nobody.id, recipients: 0, delivered: 0, failed: 0, pending: 0, locality: 'Hà Nội' });
    await same((p) => p.followups.enqueueBroadcast({ text: 'Mọi người', filter: {}, createdBy: 'zalo:1', now: later(2) }));
    expect(await same((p) => p.followups.lastBroadcast())).toMatchObject({ recipients: 4, pending: 4 });
    await sameRows('broadcasts');
    await sameRows('followups');
  });

  it('recordStaffRegistration keeps the domain only with consent and then cancels reminders; summaryOf shows it', async () => {
    await outreachFixture();
    const mark = (address: 'zalo:1' | 'telegram:4' | 'console:walkin', domain: string) => (p: Ports) =>
      p.followups.recordStaffRegistration({ address, domain, track: 'id.vn', now: later(1) });
    expect(await same(mark('zalo:1', 'tranvanbinh.id.vn'))).toEqual({ withDomain: true });
    expect(await same(mark('telegram:4', 'declined.id.vn'))).toEqual({ withDomain: false });
    expect(await same(mark('console:walkin', 'walkin.id.vn'))).toEqual({ withDomain: false });
    await sameRows('registrations');
    await sameRows('followups');
    const summary = await same((p) => p.followups.summaryOf('zalo:1'));
    expect(summary).toEqual({
      pending: [],
      news: true,
      registrations: [
        { track: 'id.vn', domain: 'hoten.id.vn', createdAt: at(-10) },
        { track: 'biz.vn', domain: null, createdAt: at(-8) },
        { track: 'id.vn', domain: 'tranvanbinh.id.vn', createdAt: at(1) },
      ],
    });
    expect(await same((p) => p.followups.summaryOf('zalo:2'))).toMatchObject({ pending: [{ kind: 'deadline', dueAt: at(-2) }], news: true, registrations: [] });
    expect(await same((p) => p.followups.summaryOf('telegram:unknown'))).toEqual({ pending: [], news: false, registrations: [] });
  });

  it('listRegistrations with and without filters; a date-only bound is refused on both', async () => {
    await outreachFixture();
    await same((p) => p.followups.recordStaffRegistration({ address: 'zalo:1', domain: 'staff.id.vn', track: 'id.vn', now: later(1) }));
    expect(await same((p) => p.followups.listRegistrations())).toHaveLength(5);
    expect(await same((p) => p.followups.listRegistrations({ from: at(-9), to: at(-8) }))).toHaveLength(3);
    expect(await same((p) => p.followups.listRegistrations({ track: 'biz.vn' }))).toHaveLength(2);
    expect(await same((p) => p.followups.listRegistrations({ channel: 'telegram' }))).toEqual([
      { address: 'telegram:3', channel: 'telegram', track: 'biz.vn', domain: 'shop.biz.vn', referrer: null, locality: 'Phù Liễn', source: 'person', createdAt: at(-8) },
    ]);
    expect(await same((p) => p.followups.listRegistrations({ from: at(-9), track: 'id.vn', channel: 'zalo' }))).toEqual([
      expect.objectContaining({ address: null, source: 'person' }),
      expect.objectContaining({ address: 'zalo:1', domain: 'staff.id.vn', source: 'staff', referrer: 'DTN_07', locality: 'Kiến An' }),
    ]);
    for (const f of [both.sqlite.followups, both.pg.followups]) {
      await expect(Promise.resolve().then(() => f.listRegistrations({ from: '2026-11-23' }))).rejects.toThrow(/full ISO UTC timestamp/);
    }
  });
});

describePg('PostgreSQL HandoffStore = SQLite HandoffStore', () => {
  it('open, get, setStatus; codes older than HANDOFF_DAYS are pruned and never reused', async () => {
    const first = await same((p) => p.handoffs.open('zalo:p', NOW));
    const second = await same((p) => p.handoffs.open('telegram:q', later(HANDOFF_DAYS - 1)));
    expect(await same((p) => p.handoffs.get(first))).toEqual({ id: first, address: 'zalo:p', status: 'open', createdAt: NOW.toISOString() });
    await same((p) => p.handoffs.setStatus(second, 'answered'));
    await same((p) => p.handoffs.setStatus(first, 'failed'));
    expect(await same((p) => p.handoffs.get(second))).toMatchObject({ status: 'answered' });
    expect(await same((p) => p.handoffs.get(999))).toBeUndefined();
    await sameRows('handoffs');

    const third = await same((p) => p.handoffs.open('zalo:r', later(HANDOFF_DAYS + 0.5)));
    expect(await same((p) => p.handoffs.get(first))).toBeUndefined();
    expect(await same((p) => p.handoffs.get(second))).toMatchObject({ status: 'answered' });
    await same((p) => p.handoffs.open('zalo:s', later(3 * HANDOFF_DAYS)));
    expect(third).toBeGreaterThan(second);
    expect(await sameRows('handoffs')).toEqual([expect.objectContaining({ address: 'zalo:s', status: 'open', created_at: at(3 * HANDOFF_DAYS) })]);
    expect(await same((p) => p.handoffs.open('zalo:t', later(3 * HANDOFF_DAYS)))).toBe(third + 2);
  });
});

describePg('PostgreSQL funnel queries = SQLite funnel queries', () => {
  async function analyticsFixture(): Promise<void> {
    await load('INSERT INTO funnel (day, step, track, count) VALUES (?, ?, ?, ?)', [
      ['2026-11-22', 'started', '', 4],
      ['2026-11-23', 'started', '', 7],
      ['2026-11-23', 'track_chosen', 'id.vn', 5],
      ['2026-11-23', 'track_chosen', 'biz.vn', 2],
      ['2026-11-23', 'question_answered', 'id.vn', 4],
      ['2026-11-23', 'result_shown', 'id.vn', 3],
      ['2026-11-23', 'registration_reported', 'id.vn', 1],
      ['2026-11-23', 'next_steps_opened', 'id.vn', 2],
      ['2026-11-24', 'started', '', 1],
      ['2026-12-01', 'result_shown', 'biz.vn', 1],
    ]);
    // 16:59:59.999Z is 23:59 in Vietnam (the 23rd); 17:00Z is already the 24th.
    await load('INSERT INTO feedback (track, helpful, category, created_at) VALUES (?, ?, ?, ?)', [
      ['id.vn', 1, null, '2026-11-22T17:00:00.000Z'],
      ['id.vn', 1, null, '2026-11-23T16:59:59.999Z'],
      ['id.vn', 0, 'unclear', '2026-11-23T03:00:00.000Z'],
      ['id.vn', 0, null, '2026-11-23T04:00:00.000Z'],
      ['id.vn', 0, 'missing_info', '2026-11-23T05:00:00.000Z'],
      ['biz.vn', 0, 'not_my_case', '2026-11-23T17:00:00.000Z'],
      ['biz.vn', 1, null, '2026-11-22T16:59:59.999Z'],
      ['biz.vn', 0, 'other', '2026-11-30T10:00:00.000Z'],
    ]);
    await load(CHECK, [
      [null, 'zalo', 'id.vn', 'eligible', 'idvn_age_in_range', null, null, '2026-11-22T17:00:00.000Z', 1, 'zalo:helper'],
      [null, 'zalo', 'id.vn', 'eligible', 'idvn_age_in_range', 'DTN_07', null, '2026-11-23T10:00:00.000Z', 1, null],
      [null, 'zalo', 'id.vn', 'eligible', 'idvn_age_in_range', null, null, '2026-11-23T11:00:00.000Z', 1, null],
      [null, 'zalo', 'id.vn', 'not_eligible', 'idvn_too_old', null, null, '2026-11-23T16:59:59.999Z', 1, null],
      [null, 'telegram', 'biz.vn', 'undetermined', 'bizvn_unknown_type', null, null, '2026-11-23T17:00:00.000Z', 1, 'telegram:helper'],
      ['zalo:self', 'zalo', 'id.vn', 'eligible', 'idvn_age_in_range', 'DTN_07', null, '2026-11-23T10:00:00.000Z', 0, null],
    ]);
  }

  const RANGES = [{}, { from: '2026-11-23' }, { to: '2026-11-23' }, { from: '2026-11-23', to: '2026-11-23' }, { from: '2026-11-24', to: '2026-11-30' }, { from: '2027-01-01' }];

  it('funnel, feedback and assisted agree for every day range', async () => {
    await analyticsFixture();
    for (const range of RANGES) {
      await same((p) => p.analytics.funnel(range));
      await same((p) => p.analytics.feedback(range));
      await same((p) => p.analytics.assisted(range));
    }
    expect(await same((p) => p.analytics.funnel())).toHaveLength(10);
    // 👍 before 👎, and within a track a missing category first (SQLite's NULL order).
    expect(await same((p) => p.analytics.feedback({ from: '2026-11-23', to: '2026-11-23' }))).toEqual([
      { track: 'id.vn', helpful: true, category: null, count: 2 },
      { track: 'id.vn', helpful: false, category: null, count: 1 },
      { track: 'id.vn', helpful: false, category: 'missing_info', count: 1 },
      { track: 'id.vn', helpful: false, category: 'unclear', count: 1 },
    ]);
    expect(await same((p) => p.analytics.assisted({ from: '2026-11-23', to: '2026-11-23' }))).toEqual([
      { track: 'id.vn', outcome: 'eligible', count: 3, credited: 2 },
      { track: 'id.vn', outcome: 'not_eligible', count: 1, credited: 0 },
    ]);
    expect(await same((p) => p.analytics.funnel({ from: '2026-11-24' }))).toEqual([
      { day: '2026-11-24', step: 'started', track: null, count: 1 },
      { day: '2026-12-01', step: 'result_shown', track: 'biz.vn', count: 1 },
    ]);
  });

  it('the report period reads the same on both', async () => {
    await analyticsFixture();
    const bounds = { from: '2026-11-22T17:00:00.000Z', to: '2026-11-30T16:59:59.999Z' };
    const fromSqlite = createSqlitePeriodAnalytics(sqlite.db)(bounds);
    expect(await createPgPeriodAnalytics(pg)(bounds)).toEqual(fromSqlite);
    expect(fromSqlite.feedback.length).toBeGreaterThan(0);
  });
});
