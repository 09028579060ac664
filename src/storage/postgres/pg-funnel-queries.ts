/**
 * Reads for stats and exports over PostgreSQL, as sqlite-funnel-queries.ts:
 * the funnel per day, step and track; 👍/👎 per track and category;
 * assisted checks per track and outcome. Days are Vietnam calendar days;
 * absent bounds mean all. Sort keys use COLLATE "C" and NULLS FIRST, the
 * order SQLite gives, whatever the database's locale.
 */
import { vietnamDay } from '../../core/calendar.js';
import type { AnalyticsQueries, DayRange } from '../../core/funnel.js';
import type { PeriodAnalytics } from '../../core/reports/funnel-sheet.js';
import type { Bounds } from '../../core/reports/types.js';
import { dayBounds, toAssistedCount, toFeedbackRow, toFunnelRow, utcBounds, type AssistedSqlRow, type FeedbackSqlRow, type FunnelSqlRow } from '../funnel-rows.js';
import type { PgDatabase } from './database.js';

/** created_at is ISO UTC text; ::timestamp drops its "Z", so no session time zone is involved. */
const VN_DAY = "to_char(created_at::timestamp + interval '7 hours', 'YYYY-MM-DD')";

/** AnalyticsQueries, answered asynchronously (PostgreSQL). */
export type PgAnalyticsQueries = { [K in keyof AnalyticsQueries]: (range?: DayRange) => Promise<Awaited<ReturnType<AnalyticsQueries[K]>>> };

export function createPgFunnelQueries(db: PgDatabase): PgAnalyticsQueries {
  return {
    async funnel(range) {
      const rows = await db.query<FunnelSqlRow>(
        'SELECT day, step, track, count FROM funnel WHERE day BETWEEN $1 AND $2 ORDER BY day COLLATE "C", step COLLATE "C", track COLLATE "C"',
        dayBounds(range),
      );
      return rows.map(toFunnelRow);
    },
    async feedback(range) {
      const rows = await db.query<FeedbackSqlRow>(
        `SELECT track, helpful, category, count(*) AS count FROM feedback WHERE ${VN_DAY} BETWEEN $1 AND $2
         GROUP BY track, helpful, category ORDER BY track COLLATE "C", helpful DESC, category COLLATE "C" NULLS FIRST`,
        dayBounds(range),
      );
      return rows.map(toFeedbackRow);
    },
    async assisted(range) {
      const rows = await db.query<AssistedSqlRow>(
        `SELECT track, outcome, count(*) AS count, count(*) FILTER (WHERE referrer IS NOT NULL OR helper IS NOT NULL) AS credited
         FROM checks WHERE assisted = 1 AND created_at >= $1 AND created_at <= $2 GROUP BY track, outcome ORDER BY track COLLATE "C", outcome COLLATE "C"`,
        utcBounds(range),
      );
      return rows.map(toAssistedCount);
    },
  };
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
