/**
 * Reads for stats and exports over PostgreSQL, as sqlite-funnel-queries.ts:
 * the funnel per day, step and track; 👍/👎 per track and category;
 * assisted checks per track and outcome. Days are Vietnam calendar days;
 * absent bounds mean all. Sort keys use COLLATE "C" and NULLS FIRST, the
 * order SQLite gives, whatever the database's locale.
 */
import type { Outcome, Track } from '../../core/eligibility/types.js';
import type { AnalyticsQueries, AssistedCount, DayRange, FeedbackCategory, FeedbackRow, FunnelRow, FunnelStep } from '../../core/funnel.js';
import type { PeriodAnalytics } from '../../core/reports/funnel-sheet.js';
import type { Bounds } from '../../core/reports/types.js';
import type { PgDatabase } from './database.js';

const FIRST_DAY = '0000-01-01';
const LAST_DAY = '9999-12-31';
/** created_at is ISO UTC text; ::timestamp drops its "Z", so no session time zone is involved. */
const VN_DAY = "to_char(created_at::timestamp + interval '7 hours', 'YYYY-MM-DD')";

function bounds(range: DayRange = {}): [string, string] {
  return [range.from ?? FIRST_DAY, range.to ?? LAST_DAY];
}

/** The UTC instants of the first and last moment of a range of Vietnam days (so created_at's indexes apply). */
function utcBounds(range: DayRange = {}): [string, string] {
  const start = range.from === undefined ? FIRST_DAY : new Date(Date.parse(`${range.from}T00:00:00+07:00`)).toISOString();
  const end = range.to === undefined ? LAST_DAY : new Date(Date.parse(`${range.to}T23:59:59.999+07:00`)).toISOString();
  return [start, end];
}

/** AnalyticsQueries, answered asynchronously (PostgreSQL). */
export type PgAnalyticsQueries = { [K in keyof AnalyticsQueries]: (range?: DayRange) => Promise<Awaited<ReturnType<AnalyticsQueries[K]>>> };

export function createPgFunnelQueries(db: PgDatabase): PgAnalyticsQueries {
  return {
    async funnel(range) {
      const rows = await db.query<{ day: string; step: string; track: string; count: number }>(
        'SELECT day, step, track, count FROM funnel WHERE day BETWEEN $1 AND $2 ORDER BY day COLLATE "C", step COLLATE "C", track COLLATE "C"',
        bounds(range),
      );
      return rows.map((r): FunnelRow => ({ day: r.day, step: r.step as FunnelStep, track: r.track === '' ? null : (r.track as Track), count: r.count }));
    },
    async feedback(range) {
      const rows = await db.query<{ track: string; helpful: number; category: string | null; count: number }>(
        `SELECT track, helpful, category, count(*) AS count FROM feedback WHERE ${VN_DAY} BETWEEN $1 AND $2
         GROUP BY track, helpful, category ORDER BY track COLLATE "C", helpful DESC, category COLLATE "C" NULLS FIRST`,
        bounds(range),
      );
      return rows.map((r): FeedbackRow => ({ track: r.track as Track, helpful: r.helpful === 1, category: r.category as FeedbackCategory | null, count: r.count }));
    },
    async assisted(range) {
      const rows = await db.query<{ track: string; outcome: string; count: number; credited: number }>(
        `SELECT track, outcome, count(*) AS count, count(*) FILTER (WHERE referrer IS NOT NULL OR helper IS NOT NULL) AS credited
         FROM checks WHERE assisted = 1 AND created_at >= $1 AND created_at <= $2 GROUP BY track, outcome ORDER BY track COLLATE "C", outcome COLLATE "C"`,
        utcBounds(range),
      );
      return rows.map((r): AssistedCount => ({ track: r.track as Track, outcome: r.outcome as Outcome, count: r.count, credited: r.credited }));
    },
  };
}

/** The Vietnam calendar day of an ISO UTC timestamp (report bounds are VN midnights in UTC). */
function vietnamDay(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** ReportQueries.analytics over PostgreSQL: as createSqlitePeriodAnalytics. */
export function createPgPeriodAnalytics(db: PgDatabase): (bounds: Bounds) => Promise<PeriodAnalytics> {
  const queries = createPgFunnelQueries(db);
  return async (bounds) => {
    const range = { from: vietnamDay(bounds.from), to: vietnamDay(bounds.to) };
    const [funnel, feedback, assisted] = await Promise.all([queries.funnel(range), queries.feedback(range), queries.assisted(range)]);
    return { funnel, feedback, assisted };
  };
}
