/**
 * Reads for stats and exports (issue #11): the funnel per day, step and
 * track; 👍/👎 per track and category; assisted checks per track and
 * outcome. Days are Vietnam calendar days; absent bounds mean all.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Outcome, Track } from '../core/eligibility/types.js';
import type { AnalyticsQueries, AssistedCount, DayRange, FeedbackCategory, FeedbackRow, FunnelRow, FunnelStep } from '../core/funnel.js';
import type { PeriodAnalytics } from '../core/reports/funnel-sheet.js';
import type { Bounds } from '../core/reports/types.js';

const FIRST_DAY = '0000-01-01';
const LAST_DAY = '9999-12-31';
const VN_DAY = "date(created_at, '+7 hours')";

function bounds(range: DayRange = {}): [string, string] {
  return [range.from ?? FIRST_DAY, range.to ?? LAST_DAY];
}

/** The UTC instants of the first and last moment of a range of Vietnam days (so created_at's indexes apply). */
function utcBounds(range: DayRange = {}): [string, string] {
  const start = range.from === undefined ? FIRST_DAY : new Date(Date.parse(`${range.from}T00:00:00+07:00`)).toISOString();
  const end = range.to === undefined ? LAST_DAY : new Date(Date.parse(`${range.to}T23:59:59.999+07:00`)).toISOString();
  return [start, end];
}

/** AnalyticsQueries, answered synchronously (SQLite). */
export type SqliteAnalyticsQueries = { [K in keyof AnalyticsQueries]: (range?: DayRange) => Awaited<ReturnType<AnalyticsQueries[K]>> };

export function createSqliteFunnelQueries(db: BetterSqlite3.Database): SqliteAnalyticsQueries {
  const funnel = db.prepare<[string, string], { day: string; step: string; track: string; count: number }>(
    'SELECT day, step, track, count FROM funnel WHERE day BETWEEN ? AND ? ORDER BY day, step, track',
  );
  const feedback = db.prepare<[string, string], { track: string; helpful: number; category: string | null; count: number }>(
    `SELECT track, helpful, category, count(*) AS count FROM feedback WHERE ${VN_DAY} BETWEEN ? AND ?
     GROUP BY track, helpful, category ORDER BY track, helpful DESC, category`,
  );
  const assisted = db.prepare<[string, string], { track: string; outcome: string; count: number; credited: number }>(
    `SELECT track, outcome, count(*) AS count, sum(referrer IS NOT NULL OR helper IS NOT NULL) AS credited
     FROM checks WHERE assisted = 1 AND created_at >= ? AND created_at <= ? GROUP BY track, outcome ORDER BY track, outcome`,
  );
  return {
    funnel: (range) =>
      funnel.all(...bounds(range)).map((r): FunnelRow => ({ day: r.day, step: r.step as FunnelStep, track: r.track === '' ? null : (r.track as Track), count: r.count })),
    feedback: (range) =>
      feedback.all(...bounds(range)).map((r): FeedbackRow => ({ track: r.track as Track, helpful: r.helpful === 1, category: r.category as FeedbackCategory | null, count: r.count })),
    assisted: (range) =>
      assisted.all(...utcBounds(range)).map((r): AssistedCount => ({ track: r.track as Track, outcome: r.outcome as Outcome, count: r.count, credited: r.credited })),
  };
}

/** The Vietnam calendar day of an ISO UTC timestamp (report bounds are VN midnights in UTC). */
function vietnamDay(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** ReportQueries.analytics: the quarterly report's funnel sheet over the same period as the rest. */
export function createSqlitePeriodAnalytics(db: BetterSqlite3.Database): (bounds: Bounds) => PeriodAnalytics {
  const queries = createSqliteFunnelQueries(db);
  return (bounds) => {
    const range = { from: vietnamDay(bounds.from), to: vietnamDay(bounds.to) };
    return { funnel: queries.funnel(range), feedback: queries.feedback(range), assisted: queries.assisted(range) };
  };
}
