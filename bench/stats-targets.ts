/**
 * THE place that says which stats queries the stats bench times. To measure
 * the staff report module when it lands (src/storage/*report*, or a
 * `quarterlyReport`/`stats` function), import it here and add an entry; the
 * bench seeds the database once and times every entry the same way.
 */
import type { Store } from '../src/storage/index.js';
import type { Session } from '../src/core/session.js';

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
];
