/**
 * The PostgreSQL StaffStore answers exactly as the SQLite one: the same
 * script of calls (invites, /join with wrong, expired and used codes and the
 * brute-force block, referrers, members, reminders) on both, with the same
 * seeded codes, gives deep-equal answers and leaves the same rows. Then
 * what only PostgreSQL has to get right: several processes at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Address } from '../../src/core/message.js';
import type { StaffStore } from '../../src/core/staff.js';
import { openStore } from '../../src/storage/index.js';
import { createSqliteStaffStore } from '../../src/storage/sqlite-staff-store.js';
import type { RandomInt } from '../../src/storage/staff-codes.js';
import { connectPostgres, type PgDatabase } from '../../src/storage/postgres/database.js';
import { migratePostgres } from '../../src/storage/postgres/migrate.js';
import { createPgStaffStore } from '../../src/storage/postgres/pg-staff-store.js';
import { describePg, freshPgUrl } from '../support/postgres.js';

const ADMIN: Address = 'telegram:1001';
const M1: Address = 'zalo:2002';
const M2: Address = 'telegram:10';
const M3: Address = 'telegram:9';
const M4: Address = 'telegram:100';
const T0 = Date.parse('2026-11-23T02:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

/** A small LCG: the same codes on both stores, run after run. */
function seeded(seed: number): RandomInt {
  let state = seed >>> 0;
  return (max) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % max;
  };
}

async function outcome<T>(fn: () => T | Promise<T>): Promise<T | { error: string }> {
  try {
    return await fn();
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Every call of the script, in order, with its answer (and the sync directory's view along the way). */
async function script(store: StaffStore): Promise<unknown[]> {
  const log: unknown[] = [];
  const step = async (name: string, fn: () => unknown) => log.push([name, await outcome(async () => fn())]);
  const a = await store.createInvite(ADMIN, 'Phường Kiến An', at(0), 7);
  const b = await store.createInvite(ADMIN, null, at(0), 1);
  log.push(['invites', a, b]);
  await step('join ok (typed lower case, spaces)', () => store.join(M1, a.code.toLowerCase().replace(/-/g, ' '), 'vi', at(1)));
  await step('join again', () => store.join(M1, a.code, 'vi', at(2)));
  await step('join used', () => store.join(M2, a.code, 'en', at(3)));
  await step('join expired', () => store.join(M2, b.code, 'en', at(2 * 24 * 60)));
  for (let i = 0; i < 6; i++) await step(`join wrong ${i}`, () => store.join(M3, 'WRNG-CODE-0000', 'vi', at(10 + i)));
  const c = await store.createInvite(M1, 'Xã An Lão', at(20), 7);
  await step('join valid while blocked', () => store.join(M3, c.code, 'vi', at(30)));
  await step('join after the block', () => store.join(M3, c.code, 'en', at(80)));
  await step('join wrong after the block', () => store.join(M4, 'nope', 'vi', at(81)));
  const d = await store.createInvite(ADMIN, null, at(90), 7);
  await step('join same time as M1 (order by address)', () => store.join(M2, d.code, 'en', at(1)));
  await step('referrer branch', () => store.addReferrer({ label: 'Chi đoàn phường', address: null, by: 'cli', via: 'cli', now: at(100) }));
  await step('referrer me', () => store.addReferrer({ label: 'Anh Minh', address: M1, by: M1, via: 'chat', now: at(101) }));
  await step('referrer me again', () => store.addReferrer({ label: 'Other', address: M1, by: M1, via: 'chat', now: at(102) }));
  await step('referrer me again with a code', () => store.addReferrer({ label: 'Other', address: M1, by: M1, via: 'chat', now: at(102), code: 'NEWCODE1' }));
  await step('referrer printed code', () => store.addReferrer({ label: 'Đoàn trường', address: null, by: 'cli', via: 'cli', now: at(100), code: 'abc123' }));
  await step('referrer code clash (case)', () => store.addReferrer({ label: 'Clash', address: null, by: 'cli', via: 'cli', now: at(103), code: 'ABC123' }));
  await step('referrer code clash, new member', () => store.addReferrer({ label: 'Clash', address: M3, by: M3, via: 'chat', now: at(103), code: 'Abc123' }));
  await step('referrer same time (order by code, no case)', () => store.addReferrer({ label: 'Zed', address: null, by: 'cli', via: 'cli', now: at(100), code: 'ABD' }));
  await step('referrer me M2', () => store.addReferrer({ label: 'Chị Lan', address: M2, by: M2, via: 'chat', now: at(104) }));
  await step('referrerOf M1', () => store.referrerOf(M1));
  await step('referrerOf stranger', () => store.referrerOf(M4));
  await step('referrerCode', () => Promise.all(['ABC123', 'abc123', 'aBc123', 'abd', 'nope', 'ＡＢＣ123'].map((x) => store.referrerCode(x))));
  await step('rolesOf', () => Promise.all([ADMIN, M1, M2, M3, M4].map((x) => store.rolesOf(x))));
  await step('listReferrers', () => store.listReferrers());
  await step('listMembers', () => store.listMembers());
  await step('remove stranger', () => store.removeMember(M4, ADMIN, 'chat', at(200)));
  await step('remove M3', () => store.removeMember(M3, ADMIN, 'cli', at(201)));
  await step('remove M3 again', () => store.removeMember(M3, ADMIN, 'cli', at(202)));
  await step('rolesOf after remove', () => Promise.all([M1, M2, M3].map((x) => store.rolesOf(x))));
  // Issue #18: /staff remove ends the member's code too; /referrer remove ends a branch code (any case).
  await step('remove M2 (member and referrer)', () => store.removeMember(M2, ADMIN, 'chat', at(203)));
  await step('end branch code, other case', () => store.endReferrer('abd', ADMIN, 'chat', at(204)));
  await step('end it again', () => store.endReferrer('ABD', 'cli', 'cli', at(205)));
  await step('end unknown', () => store.endReferrer('NOPE', 'cli', 'cli', at(205)));
  await step('after ending', async () => ({ roles: await Promise.all([M1, M2].map((x) => store.rolesOf(x))), codes: await Promise.all(['ABD', 'abc123'].map((x) => store.referrerCode(x))) }));
  await step('referrerOf M2 after', () => store.referrerOf(M2));
  await step('listReferrers after ending', () => store.listReferrers());
  await step('referrer me M2 again: a new code', async () => (await store.addReferrer({ label: 'Chị Lan', address: M2, by: M2, via: 'chat', now: at(206), code: 'LAN2' })).created);
  await step('remind on M1', () => store.setReminder(M1, true));
  await step('remind on M2', () => store.setReminder(M2, true));
  await step('remind on stranger', () => store.setReminder(M4, true));
  await step('recipients Q4', () => store.reminderRecipients('2026-Q4'));
  await step('mark M2', () => store.markReminded(M2, '2026-Q4'));
  await step('recipients Q4 after', () => store.reminderRecipients('2026-Q4'));
  await step('remind off M1', () => store.setReminder(M1, false));
  await step('recipients Q1', () => store.reminderRecipients('2027-Q1'));
  await step('listMembers at the end', () => store.listMembers());
  return log;
}

const TABLES = {
  staff_members: 'SELECT address, locality, locale, remind, reminded, created_at FROM staff_members ORDER BY address',
  referrers: 'SELECT code, label, address, created_by, created_at, ended_at FROM referrers ORDER BY lower(code)',
  invites: 'SELECT code_hash, locality, created_by, created_at, expires_at, used_by, used_at FROM invites ORDER BY code_hash',
  join_failures: 'SELECT address, at FROM join_failures ORDER BY address, at',
  join_blocks: 'SELECT address, until FROM join_blocks ORDER BY address',
  role_changes: 'SELECT id, at, actor, subject, change, role, via FROM role_changes ORDER BY id',
};
const C = (sql: string) => sql.replace(/ORDER BY (.*)$/, (_, keys: string) => `ORDER BY ${keys.split(', ').map((k) => (k === 'id' ? k : `${k} COLLATE "C"`)).join(', ')}`);

describePg('PostgreSQL StaffStore, parity with SQLite', () => {
  const opened: PgDatabase[] = [];
  const closers: (() => void)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) close();
    await Promise.all(opened.splice(0).map((db) => db.close()));
  });
  async function pg(url?: string): Promise<{ db: PgDatabase; url: string }> {
    const where = url ?? (await freshPgUrl());
    const db = connectPostgres(where);
    opened.push(db);
    await migratePostgres(db);
    return { db, url: where };
  }
  function sqlite() {
    const store = openStore(':memory:');
    closers.push(() => store.close());
    return store.db;
  }

  it('the same script gives the same answers and leaves the same rows', async () => {
    const lite = sqlite();
    const { db } = await pg();
    const fromSqlite = await script(createSqliteStaffStore(lite, { random: seeded(7) }));
    const fromPg = await script(createPgStaffStore(db, { random: seeded(7) }));
    expect(fromPg).toEqual(fromSqlite);
    // A few answers checked outright, so equal-but-wrong cannot pass.
    const answers = new Map(fromSqlite.map((entry) => [(entry as unknown[])[0], (entry as unknown[])[1]]));
    expect(answers.get('join ok (typed lower case, spaces)')).toEqual({ kind: 'joined', locality: 'Phường Kiến An' });
    expect(answers.get('join used')).toEqual({ kind: 'invalid', left: 4 });
    expect(answers.get('join wrong 4')).toEqual({ kind: 'blocked', until: at(14 + 60).toISOString() });
    expect(answers.get('join valid while blocked')).toMatchObject({ kind: 'blocked' });
    expect(answers.get('join after the block')).toEqual({ kind: 'joined', locality: 'Xã An Lão' });
    expect(answers.get('referrer me again')).toMatchObject({ created: false, referrer: { label: 'Anh Minh' } });
    expect(answers.get('recipients Q4 after')).toEqual([{ address: M1, locale: 'vi' }]);
    expect(answers.get('referrer code clash (case)')).toEqual({ error: expect.stringMatching(/"ABC123" is taken/) });
    expect(answers.get('referrerCode')).toEqual(['abc123', 'abc123', 'abc123', 'ABD', undefined, undefined]);
    for (const [table, sql] of Object.entries(TABLES)) {
      expect(await db.query(C(sql)), table).toEqual(lite.prepare(sql).all());
    }
  });

  it('a referral code generator that keeps repeating itself runs out the same way', async () => {
    const lite = sqlite();
    const { db } = await pg();
    const run = async (store: StaffStore) => [
      await outcome(() => store.addReferrer({ label: 'A', address: null, by: 'cli', via: 'cli', now: at(0) })),
      await outcome(() => store.addReferrer({ label: 'B', address: M1, by: M1, via: 'chat', now: at(1) })),
      await outcome(() => store.addReferrer({ label: 'C', address: null, by: 'cli', via: 'cli', now: at(2), code: 'aaaaaaa2' })),
      await outcome(() => store.listReferrers()),
    ];
    const expected = await run(createSqliteStaffStore(lite, { random: () => 0 }));
    expect(expected[1]).toEqual({ error: expect.stringMatching(/after 20 tries/) });
    expect(await run(createPgStaffStore(db, { random: () => 0 }))).toEqual(expected);
  });

  it('several processes: one invite joins once, generated codes never clash, roles reach the other process', async () => {
    const { db: one, url } = await pg();
    const { db: two } = await pg(url);
    const first = createPgStaffStore(one, { random: seeded(3) });
    const second = createPgStaffStore(two, { random: seeded(3) });
    const { code } = await first.createInvite(ADMIN, null, at(0), 7);
    const joins = await Promise.all([M1, M2, M3, M4].map((who, i) => (i % 2 === 0 ? first : second).join(who, code, 'vi', at(1))));
    expect(joins.filter((j) => j.kind === 'joined')).toHaveLength(1);
    expect(joins.filter((j) => j.kind === 'invalid')).toHaveLength(3);
    // Same seed in both processes: the same first code; the loser takes its next one.
    const added = await Promise.all([first, second, first, second].map((s, i) => s.addReferrer({ label: `R${i}`, address: null, by: 'cli', via: 'cli', now: at(2) })));
    expect(new Set(added.map((r) => r.referrer.code)).size).toBe(4);
    // Five wrong codes sent at once through both processes still block at the fifth.
    const wrong = await Promise.all([0, 1, 2, 3, 4].map((i) => (i % 2 === 0 ? first : second).join(ADMIN, `WRONG${i}`, 'vi', at(3))));
    expect(wrong.map((w) => (w.kind === 'invalid' ? w.left : w.kind)).sort()).toEqual([1, 2, 3, 4, 'blocked']);
    // Roles are read from the database before each turn (issue #16): the other process sees a change at once.
    const joined = [M1, M2, M3, M4][joins.findIndex((j) => j.kind === 'joined')] as Address;
    expect(await second.rolesOf(joined)).toEqual(['team']);
    await first.removeMember(joined, ADMIN, 'cli', at(4));
    expect(await first.rolesOf(joined)).toEqual([]);
    expect(await second.rolesOf(joined)).toEqual([]);
    expect(await second.referrerCode(added[0]?.referrer.code.toLowerCase() ?? '')).toBe(added[0]?.referrer.code);
  });
});

describe('staff parity helpers', () => {
  it('the seeded generator is deterministic', () => {
    const a = seeded(1);
    const b = seeded(1);
    expect([a(32), a(32), a(8)]).toEqual([b(32), b(32), b(8)]);
  });
});
