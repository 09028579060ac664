/**
 * ReportQueries over PostgreSQL, as src/storage/sqlite-report-queries.ts:
 * every number is a GROUP BY over a `created_at` range, folded the same way
 * (src/storage/report-rows.ts). Rows come in SQLite's order — text by byte order
 * (COLLATE "C"), NULLs first — so the folded breakdowns list the same keys
 * in the same order. Weeks start on Monday in Vietnam time: created_at is
 * ISO UTC text, `::timestamp` drops its "Z" (no session time zone involved),
 * +7 hours, then date_trunc('week') — SQLite's `date(created_at, '+7 hours',
 * 'weekday 0', '-6 days')`.
 */
import type { Bounds, RegisteredCount, ReportQueries } from '../../core/reports/types.js';
import { assertCheckQuery } from '../check-query.js';
import type { PgDatabase } from './database.js';
import { createPgPeriodAnalytics } from './pg-funnel-queries.js';
import { createPgRegisteredCounts } from './pg-registrations.js';
import { createPgRenewalStore } from './pg-renewals.js';
import { fromMix, fromSums, toCandidate, type CandidateRow, type MixRow, type SumRow } from '../report-rows.js';

const RANGE = 'created_at >= $1 AND created_at <= $2';
const WEEK = "to_char(date_trunc('week', created_at::timestamp + interval '7 hours'), 'YYYY-MM-DD')";
const SUMS = `count(*) AS n, count(*) FILTER (WHERE track = 'id.vn') AS idvn,
  count(*) FILTER (WHERE track = 'id.vn' AND outcome = 'eligible') AS idvn_el,
  count(*) FILTER (WHERE track = 'id.vn' AND outcome = 'not_eligible') AS idvn_ne,
  count(*) FILTER (WHERE track = 'biz.vn' AND outcome = 'eligible') AS biz_el,
  count(*) FILTER (WHERE track = 'biz.vn' AND outcome = 'not_eligible') AS biz_ne`;

const MIX = `SELECT week, channel, track, outcome, reason, count FROM (
    SELECT ${WEEK} AS week, channel, track, outcome, reason, count(*) AS count
    FROM checks WHERE ${RANGE} GROUP BY 1, channel, track, outcome, reason
  ) mix
  ORDER BY week COLLATE "C", channel COLLATE "C", track COLLATE "C", outcome COLLATE "C", reason COLLATE "C"`;

const sumsBy = (column: 'locality' | 'referrer') =>
  `SELECT ${column} AS key, ${SUMS} FROM checks WHERE ${RANGE} GROUP BY ${column} ORDER BY ${column} COLLATE "C" NULLS FIRST`;

/** Each consented person's latest eligible check per track (SQLite: the bare columns of max(created_at)). */
const candidateSql = (range: string) => `
  SELECT address, channel, track, reason, locality, referrer, checked_at FROM (
    SELECT DISTINCT ON (p.address, c.track) p.address, c.channel, c.track, c.reason,
           coalesce(p.locality, c.locality) AS locality, p.referrer, c.created_at AS checked_at
    FROM people p JOIN checks c ON c.address = p.address
    WHERE p.consent = 'granted' AND c.outcome = 'eligible' ${range}
    ORDER BY p.address, c.track, c.created_at DESC, c.id
  ) latest
  ORDER BY track COLLATE "C", checked_at COLLATE "C", address COLLATE "C"`;

export type PgReportOptions = {
  /** Registrations per track in a period; default: the `registrations` table (createPgRegisteredCounts). */
  readonly registered?: (bounds: Bounds) => RegisteredCount[] | Promise<RegisteredCount[]>;
};

function checked(bounds: Bounds): Bounds {
  assertCheckQuery(bounds);
  return { from: bounds.from, to: bounds.to };
}

const params = (bounds: Bounds): [string, string] => {
  const b = checked(bounds);
  return [b.from, b.to];
};

export function createPgReportQueries(db: PgDatabase, options: PgReportOptions = {}): ReportQueries {
  const registered = options.registered ?? createPgRegisteredCounts(db);
  const analytics = createPgPeriodAnalytics(db);
  return {
    async stats(bounds) {
      const range = params(bounds);
      const [mix, byLocality, byReferrer] = await Promise.all([
        db.query<MixRow>(MIX, range),
        db.query<SumRow>(sumsBy('locality'), range),
        db.query<SumRow>(sumsBy('referrer'), range),
      ]);
      return { ...fromMix(mix), byLocality: byLocality.flatMap(fromSums), byReferrer: byReferrer.flatMap(fromSums) };
    },
    async referrerTotals(code) {
      const [checks, people] = await Promise.all([
        db.query<{ checks: number; eligible: number }>(
          `SELECT count(*) AS checks, count(*) FILTER (WHERE outcome = 'eligible') AS eligible FROM checks WHERE referrer = $1`,
          [code],
        ),
        db.query<{ n: number }>(`SELECT count(*) AS n FROM people WHERE referrer = $1 AND consent = 'granted'`, [code]),
      ]);
      return { checks: checks[0]?.checks ?? 0, eligible: checks[0]?.eligible ?? 0, people: people[0]?.n ?? 0 };
    },
    async candidates(bounds) {
      const rows =
        bounds === undefined
          ? await db.query<CandidateRow>(candidateSql(''))
          : await db.query<CandidateRow>(candidateSql('AND c.created_at >= $1 AND c.created_at <= $2'), params(bounds));
      return rows.map(toCandidate);
    },
    // Issue #9's registrations and issue #11's funnel sheet, as over SQLite.
    registered: async (bounds) => registered(checked(bounds)),
    analytics: async (bounds) => analytics(checked(bounds)),
    // Issue #22: free periods ending and renewals reported.
    renewals: createPgRenewalStore(db),
  };
}
