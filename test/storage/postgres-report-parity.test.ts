/**
 * The PostgreSQL ReportQueries answer exactly as the SQLite ones: one
 * generated, realistic quarter-and-a-bit of rows (checks on every track,
 * outcome and channel, many near Vietnam midnight and across a quarter
 * boundary, referral codes differing only in case, Vietnamese localities,
 * assisted checks, registrations, funnel and feedback) is loaded into both
 * with the same INSERTs; stats, referrerTotals, candidates, registered and
 * analytics must be deep-equal, row order included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REASONS } from '../../src/core/eligibility/types.js';
import type { Bounds, ReportQueries } from '../../src/core/reports/types.js';
import { openStore, type Store } from '../../src/storage/index.js';
import { createSqliteReportQueries } from '../../src/storage/sqlite-report-queries.js';
import { connectPostgres, type PgDatabase } from '../../src/storage/postgres/database.js';
import { migratePostgres } from '../../src/storage/postgres/migrate.js';
import { createPgReportQueries } from '../../src/storage/postgres/pg-report-queries.js';
import { describePg, freshPgUrl, toPgPlaceholders } from '../support/postgres.js';

type Value = string | number | null;
type Insert = { readonly sql: string; readonly values: readonly Value[] };

const HOUR = 3_600_000;
const START = Date.parse('2026-08-03T17:00:00.000Z'); // Tuesday 2026-08-04 00:00 in Vietnam
const END = Date.parse('2026-11-20T17:00:00.000Z');
const CHANNELS = ['telegram', 'zalo', 'console'] as const;
const TRACKS = ['id.vn', 'biz.vn'] as const;
const OUTCOMES = ['eligible', 'not_eligible', 'undetermined'] as const;
const REFERRERS = [null, null, 'ABC123', 'abc123', 'Abc123', 'DOAN01', 'zz-top_9'] as const;
const LOCALITIES = [null, 'Phường Kiến An', 'Phường Đồ Sơn', 'Xã An Lão', 'xã an lão', '10507', 'Zalo-Ward', 'Ánh Dương'] as const;
const CATEGORIES = [null, 'unclear', 'missing_info', 'not_my_case', 'other'] as const;
const STEPS = ['started', 'track_chosen', 'question_answered', 'result_shown', 'next_steps_opened', 'registration_reported'] as const;

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The rows, as INSERT statements both databases take (`?` placeholders). */
function generate(seed: number): Insert[] {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const iso = (ms: number) => new Date(ms).toISOString();
  /** Half of all times within 90 minutes of Vietnam midnight (17:00 UTC), the rest anywhere. */
  const when = () => {
    const day = START + Math.floor(random() * ((END - START) / (24 * HOUR))) * 24 * HOUR;
    return random() < 0.5 ? day + Math.floor((random() - 0.5) * 3 * HOUR) : day + Math.floor(random() * 24 * HOUR);
  };
  const out: Insert[] = [];
  const people = Array.from({ length: 60 }, (_, i) => `${pick(['telegram', 'zalo'])}:${i * 37 + 5}`);
  for (const address of people) {
    const created = iso(START - 10 * HOUR);
    out.push({
      sql: 'INSERT INTO people (address, locale, consent, consent_at, referrer, locality, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      values: [address, pick(['vi', 'en']), pick(['granted', 'granted', 'declined', null]), created, pick(REFERRERS), pick(LOCALITIES), created, created],
    });
  }
  const check = (values: Value[]) =>
    out.push({ sql: 'INSERT INTO checks (address, channel, track, outcome, reason, referrer, locality, created_at, assisted, helper) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', values });
  for (let i = 0; i < 1500; i++) {
    const assisted = random() < 0.08;
    const address = assisted ? null : random() < 0.7 ? pick(people) : random() < 0.5 ? null : `telegram:stranger${i}`;
    const outcome = random() < 0.5 ? 'eligible' : pick(OUTCOMES);
    const helper = assisted && random() < 0.5 ? `zalo:helper${i % 3}` : null;
    check([address, pick(CHANNELS), pick(TRACKS), outcome, pick(REASONS), pick(REFERRERS), pick(LOCALITIES), iso(when()), assisted ? 1 : 0, helper]);
  }
  // Exactly on the bounds tested below, and on a Sunday/Monday midnight in Vietnam.
  for (const stamp of ['2026-09-30T16:59:59.999Z', '2026-09-30T17:00:00.000Z', '2026-10-04T16:59:59.999Z', '2026-10-04T17:00:00.000Z', '2026-06-30T17:00:00.000Z', '2026-12-31T16:59:59.999Z']) {
    check([pick(people), 'zalo', 'id.vn', 'eligible', 'idvn_age_in_range', 'ABC123', 'Phường Kiến An', stamp, 0, null]);
  }
  for (let i = 0; i < 200; i++) {
    const address = random() < 0.8 ? pick(people) : null;
    out.push({
      sql: 'INSERT INTO registrations (address, channel, track, domain, referrer, locality, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      values: [address, pick(CHANNELS), pick(TRACKS), address !== null && random() < 0.5 ? `ten${i}.id.vn` : null, pick(REFERRERS), pick(LOCALITIES), pick(['person', 'staff']), iso(when())],
    });
  }
  for (let i = 0; i < 400; i++) {
    out.push({ sql: 'INSERT INTO feedback (track, helpful, category, created_at) VALUES (?, ?, ?, ?)', values: [pick(TRACKS), random() < 0.6 ? 1 : 0, pick(CATEGORIES), iso(when())] });
  }
  for (let day = START + 7 * HOUR; day < END; day += 24 * HOUR) {
    const date = iso(day).slice(0, 10);
    for (const step of STEPS) {
      for (const track of step === 'started' ? [''] : ['', ...TRACKS]) {
        if (random() < 0.3) continue;
        out.push({ sql: 'INSERT INTO funnel (day, step, track, count) VALUES (?, ?, ?, ?)', values: [date, step, track, Math.floor(random() * 40)] });
      }
    }
  }
  return out;
}


/** Vietnam days as inclusive UTC bounds. */
const vn = (from: string, to: string): Bounds => ({
  from: new Date(Date.parse(`${from}T00:00:00+07:00`)).toISOString(),
  to: new Date(Date.parse(`${to}T23:59:59.999+07:00`)).toISOString(),
});

const PERIODS: Record<string, Bounds> = {
  'Q3 2026': vn('2026-07-01', '2026-09-30'),
  'Q4 2026': vn('2026-10-01', '2026-12-31'),
  'a week': vn('2026-09-28', '2026-10-04'),
  'a month': vn('2026-10-01', '2026-10-31'),
  'across the quarters': vn('2026-09-15', '2026-10-15'),
  'one instant': { from: '2026-09-30T17:00:00.000Z', to: '2026-09-30T17:00:00.000Z' },
  empty: vn('2025-01-01', '2025-03-31'),
  everything: { from: '2000-01-01T00:00:00.000Z', to: '2099-12-31T23:59:59.999Z' },
};

describePg('PostgreSQL ReportQueries, parity with SQLite', () => {
  let store: Store<unknown>;
  let db: PgDatabase;
  let lite: ReportQueries;
  let pg: ReportQueries;

  beforeAll(async () => {
    const rows = generate(20261123);
    store = openStore(':memory:');
    store.db.transaction(() => {
      for (const row of rows) store.db.prepare(row.sql).run(...row.values);
    })();
    db = connectPostgres(await freshPgUrl());
    await migratePostgres(db);
    await db.transaction(async (tx) => {
      for (const row of rows) await tx.query(toPgPlaceholders(row.sql), row.values);
    });
    lite = createSqliteReportQueries(store.db);
    pg = createPgReportQueries(db);
  });
  afterAll(async () => {
    store.close();
    await db.close();
  });

  it('loads the same rows into both', async () => {
    const count = 'SELECT count(*) AS n FROM checks';
    expect((await db.query(count))[0]).toEqual(store.db.prepare(count).get());
    expect(store.db.prepare(count).get()).toEqual({ n: 1506 });
  });

  for (const [name, bounds] of Object.entries(PERIODS)) {
    it(`stats, registered and analytics over ${name}`, async () => {
      const expected = await lite.stats(bounds);
      if (name !== 'empty') expect(expected.byWeek.length).toBeGreaterThan(0);
      expect(await pg.stats(bounds)).toEqual(expected);
      expect(await pg.registered?.(bounds)).toEqual(await lite.registered?.(bounds));
      expect(await pg.analytics?.(bounds)).toEqual(await lite.analytics?.(bounds));
    });
    it(`candidates over ${name}`, async () => {
      expect(await pg.candidates(bounds)).toEqual(await lite.candidates(bounds));
    });
  }

  it('weeks start on Monday in Vietnam time, whatever the UTC date', async () => {
    const weeks = (await pg.stats(PERIODS['across the quarters'] as Bounds)).byWeek.map((w) => w.week);
    expect(weeks).toContain('2026-09-28');
    expect(weeks).toContain('2026-10-05');
    for (const week of weeks) expect(new Date(`${week}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it('candidates without bounds', async () => {
    const expected = await lite.candidates();
    expect(expected.length).toBeGreaterThan(10);
    expect(await pg.candidates()).toEqual(expected);
  });

  it('referrer totals are case-sensitive on both', async () => {
    for (const code of ['ABC123', 'abc123', 'Abc123', 'DOAN01', 'zz-top_9', 'nope']) {
      expect(await pg.referrerTotals(code), code).toEqual(await lite.referrerTotals(code));
    }
    expect((await pg.referrerTotals('ABC123')).checks).not.toBe((await pg.referrerTotals('abc123')).checks);
  });

  it('refuses date-only bounds the same way', async () => {
    const bad = { from: '2026-10-01', to: '2026-12-31' };
    expect(() => lite.stats(bad)).toThrow(/full ISO UTC timestamp/);
    await expect(async () => pg.stats(bad)).rejects.toThrow(/full ISO UTC timestamp/);
  });
});

describe('report parity data', () => {
  it('is the same every run', () => {
    expect(generate(1)).toEqual(generate(1));
  });
});
