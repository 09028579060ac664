/**
 * Reads for stats and exports (issue #11): the funnel per day, step and
 * track; 👍/👎 per track and category; assisted checks per track and
 * outcome. Days are Vietnam calendar days; absent bounds mean all.
 */
import { vietnamDay } from '../core/calendar.js';
import type BetterSqlite3 from 'better-sqlite3';
import type { AnalyticsQueries, DayRange } from '../core/funnel.js';
import type { PeriodAnalytics } from '../core/reports/funnel-sheet.js';
import type { Bounds } from '../core/reports/types.js';
import { dayBounds, toAssistedCount, toFeedbackRow, toFunnelRow, utcBounds, type AssistedSqlRow, type FeedbackSqlRow, type FunnelSqlRow } from './funnel-rows.js';

const VN_DAY = "date(created_at, '+7 hours')";

/** AnalyticsQueries, answered synchronously (SQLite). */
export type SqliteAnalyticsQueries = { [K in keyof AnalyticsQueries]: (range?: DayRange) => Awaited<ReturnType<AnalyticsQueries[K]>> };

export function createSqliteFunnelQueries(db: BetterSqlite3.Database): SqliteAnalyticsQueries {
  const funnel = db.prepare<[string, string], FunnelSqlRow>(
    'SELECT day, step, track, count FROM funnel WHERE day BETWEEN ? AND ? ORDER BY day, step, track',
  );
  const feedback = db.prepare<[string, string], FeedbackSqlRow>(
    `SELECT track, helpful, category, count(*) AS count FROM feedback WHERE ${VN_DAY} BETWEEN ? AND ?
     GROUP BY track, helpful, category ORDER BY track, helpful DESC, category`,
  );
  const assisted = db.prepare<[string, string], AssistedSqlRow>(
    `SELECT track, outcome, count(*) AS count, sum(referrer IS NOT NULL OR helper IS NOT NULL) AS credited
     FROM checks WHERE assisted = 1 AND created_at >= ? AND created_at <= ? GROUP BY track, outcome ORDER BY track, outcome`,
  );
  return {
    funnel: (range) => funnel.all(...dayBounds(range)).map(toFunnelRow),
    feedback: (range) => feedback.all(...dayBounds(range)).map(toFeedbackRow),
    assisted: (range) => assisted.all(...utcBounds(range)).map(toAssistedCount),
  };
}

/** ReportQueries.analytics: the quarterly report's funnel sheet over the same period as the rest. */
export function createSqlitePeriodAnalytics(db: BetterSqlite3.Database): (bounds: Bounds) => PeriodAnalytics {
  const queries = createSqliteFunnelQueries(db);
  return (bounds) => {
    const range = { from: vietnamDay(bounds.from), to: vietnamDay(bounds.to) };
    return { funnel: queries.funnel(range), feedback: queries.feedback(range), assisted: queries.assisted(range) };
  };
}
