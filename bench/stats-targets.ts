/**
 * THE place that says which stats queries the stats bench times. To measure
 * the staff report module when it lands (src/storage/*report*, or a
 * `quarterlyReport`/`stats` function), import it here and add an entry; the
 * bench seeds the database once and times every entry the same way.
 */
import type { Store } from '../src/storage/index.js';
import type { Session } from '../src/core/session.js';
import { quarterlyReport } from '../src/core/reports/build.js';
import { parseQuarter } from '../src/core/reports/period.js';
import type { ReportQueries } from '../src/core/reports/types.js';
import { loadProgram } from '../src/data.js';
import { createSqliteReportQueries } from '../src/storage/sqlite-report-queries.js';

export type Quarter = { readonly label: string; readonly from: string; readonly to: string };

export type StatsTarget = {
  readonly id: string;
  readonly label: string;
  /** 'quarter' runs once per seeded quarter (20 different periods); 'all' once over all checks. */
  readonly scope: 'quarter' | 'all';
  readonly run: (store: Store<Session>, quarter: Quarter) => unknown;
  /** Bar in milliseconds per query (the issue's: < 200 ms). */
  readonly barMs: number;
};

/** The staff report queries (issue #7) over the seeded database, made once per store. */
const reportQueries = new WeakMap<Store<Session>, ReportQueries>();
function reports(store: Store<Session>): ReportQueries {
  let queries = reportQueries.get(store);
  if (queries === undefined) {
    queries = createSqliteReportQueries(store.db);
    reportQueries.set(store, queries);
  }
  return queries;
}

const program = loadProgram();

export const STATS_TARGETS: readonly StatsTarget[] = [
  {
    id: 'stats.quarterly_count_ms',
    label: 'Stats: quarterly report, countChecks({from,to})',
    scope: 'quarter',
    run: (store, q) => store.records.countChecks({ from: q.from, to: q.to }),
    barMs: 200,
  },
  {
    id: 'stats.all_count_ms',
    label: 'Stats: stats query (CLI stats), countChecks()',
    scope: 'all',
    run: (store) => store.records.countChecks(),
    barMs: 200,
  },
  {
    id: 'stats.staff_stats_ms',
    label: 'Stats: staff /stats of a quarter (track, reason, channel, week, locality, referrer)',
    scope: 'quarter',
    run: (store, q) => reports(store).stats({ from: q.from, to: q.to }),
    barMs: 200,
  },
  {
    id: 'stats.quarterly_report_ms',
    label: 'Stats: quarterly report document (breakdowns + cumulative progress + registrations)',
    scope: 'quarter',
    run: (store, q) => {
      const quarter = parseQuarter(q.label.replace(' ', '-'));
      if (quarter === undefined) throw new Error(`bench quarter label "${q.label}" is not like "2026 Q4"`);
      const sources = { reports: reports(store), countChecks: store.records.countChecks, data: program, area: 'bench', localityName: (v: string) => v };
      return quarterlyReport(quarter, sources, '2026-11-23', (key) => key);
    },
    barMs: 200,
  },
];
