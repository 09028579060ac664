/**
 * ReportQueries over SQLite: every number is a GROUP BY in SQL over a
 * `created_at` range (rows are never loaded into JS). The range term lets
 * SQLite use the existing indexes: created_at for one pass grouped by week,
 * channel, track, outcome and reason (a few hundred groups); (locality,
 * created_at) and (referrer, created_at) walked in key order, so grouping by
 * the key needs no sort. About 110 ms a quarter on a 1M-check database.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Bounds, RegisteredCount, ReportQueries, StatsRows } from '../core/reports/types.js';
import { assertCheckQuery } from './check-query.js';
import { fromMix, fromSums, toCandidate, type CandidateRow, type MixRow, type SumRow } from './report-rows.js';
import { createSqliteRegisteredCounts } from './sqlite-registrations.js';
import { createSqlitePeriodAnalytics } from './sqlite-funnel-queries.js';
import { createSqliteRenewalStore } from './sqlite-renewals.js';

const RANGE = 'created_at >= @from AND created_at <= @to';
const SUMS = `count(*) AS n, sum(track = 'id.vn') AS idvn,
  sum(track = 'id.vn' AND outcome = 'eligible') AS idvn_el, sum(track = 'id.vn' AND outcome = 'not_eligible') AS idvn_ne,
  sum(track = 'biz.vn' AND outcome = 'eligible') AS biz_el, sum(track = 'biz.vn' AND outcome = 'not_eligible') AS biz_ne`;

export type SqliteReportOptions = {
  /** Registrations per track in a period; default: the `registrations` table (issue #9, createSqliteRegisteredCounts). */
  readonly registered?: (bounds: Bounds) => RegisteredCount[] | Promise<RegisteredCount[]>;
};

export function createSqliteReportQueries(db: BetterSqlite3.Database, options: SqliteReportOptions = {}): ReportQueries {
  // Weeks start on Monday in Vietnam time: shift to UTC+7, to the next Sunday (or stay), back 6 days.
  const mix = db.prepare<[Bounds], MixRow>(
    `SELECT date(created_at, '+7 hours', 'weekday 0', '-6 days') AS week, channel, track, outcome, reason, count(*) AS count
     FROM checks WHERE ${RANGE} GROUP BY week, channel, track, outcome, reason`,
  );
  // GROUP BY the indexed column alone (no sort): SQLite walks (locality|referrer, created_at) in order.
  const sums = (column: 'locality' | 'referrer') =>
    db.prepare<[Bounds], SumRow>(`SELECT ${column} AS key, ${SUMS} FROM checks WHERE ${RANGE} GROUP BY ${column}`);
  const byLocality = sums('locality');
  const byReferrer = sums('referrer');
  const referrerChecks = db.prepare<[string], { checks: number; eligible: number | null }>(
    `SELECT count(*) AS checks, sum(outcome = 'eligible') AS eligible FROM checks WHERE referrer = ?`,
  );
  const referrerPeople = db.prepare<[string], number>(`SELECT count(*) FROM people WHERE referrer = ? AND consent = 'granted'`).pluck();
  // People first (CROSS JOIN keeps that order), then each one's checks by the partial address index.
  const candidateSql = (range: string) => `
    SELECT p.address, c.channel, c.track, c.reason, coalesce(p.locality, c.locality) AS locality, p.referrer,
           max(c.created_at) AS checked_at
    FROM people p CROSS JOIN checks c ON c.address = p.address
    WHERE p.consent = 'granted' AND c.address IS NOT NULL AND c.outcome = 'eligible' ${range}
    GROUP BY p.address, c.track
    ORDER BY c.track, checked_at, p.address`;
  const allCandidates = db.prepare<[], CandidateRow>(candidateSql(''));
  const rangeCandidates = db.prepare<[Bounds], CandidateRow>(candidateSql('AND c.created_at >= @from AND c.created_at <= @to'));

  const checked = (bounds: Bounds): Bounds => {
    assertCheckQuery(bounds);
    return { from: bounds.from, to: bounds.to };
  };

  const queries: ReportQueries = {
    stats(bounds): StatsRows {
      const b = checked(bounds);
      return {
        ...fromMix(mix.all(b)),
        byLocality: byLocality.all(b).flatMap(fromSums),
        byReferrer: byReferrer.all(b).flatMap(fromSums),
      };
    },
    referrerTotals(code) {
      const row = referrerChecks.get(code);
      return { checks: row?.checks ?? 0, eligible: row?.eligible ?? 0, people: referrerPeople.get(code) ?? 0 };
    },
    candidates: (bounds) => (bounds === undefined ? allCandidates.all() : rangeCandidates.all(checked(bounds))).map(toCandidate),
  };
  // Issue #9 records registrations (schema 3), so the column is filled from them unless a caller passes its own.
  const registered = options.registered ?? createSqliteRegisteredCounts(db);
  // Issue #11: the funnel, feedback and assisted checks of the period (schema 4), a sheet of the quarterly report.
  const analytics = createSqlitePeriodAnalytics(db);
  // Issue #22: free periods ending and renewals reported (schema 7).
  return { ...queries, registered: (bounds) => registered(checked(bounds)), analytics: (bounds) => analytics(checked(bounds)), renewals: createSqliteRenewalStore(db) };
}
