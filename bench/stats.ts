/**
 * 4. Stats over the seeded 1M-check database: every query listed in
 * stats-targets.ts, in milliseconds per query, plus the size on disk per
 * million checks.
 */
import { performance } from 'node:perf_hooks';
import { seededQuarters } from './fixtures/seed-checks.js';
import { figure, type Figure } from './lib/figure.js';
import { sample, toSample, type Plan } from './lib/measure.js';
import type { SeededStore } from './lib/seeded-store.js';
import { STATS_TARGETS, type StatsTarget } from './stats-targets.js';

/** Our bar, the issue sets none: 5 years of a national program's checks should fit a small VPS disk. */
const MAX_MB_PER_MILLION = 512;

async function timeTarget(target: StatsTarget, seeded: SeededStore, plan: Plan): Promise<Figure> {
  const quarters = target.scope === 'quarter' ? seededQuarters() : [{ label: 'all', from: '', to: '' }];
  const value = await sample(async () => {
    const start = performance.now();
    for (const quarter of quarters) await target.run(seeded.store, quarter);
    return (performance.now() - start) / quarters.length;
  }, plan);
  return figure({
    id: target.id,
    label: `${target.label}${target.scope === 'quarter' ? `, ms/query (${quarters.length} quarters)` : ', ms/query'}`,
    unit: 'ms',
    value,
    bar: { op: '<', limit: target.barMs, on: 'value', source: 'issue' },
  });
}

export async function benchStats(seeded: SeededStore, plan: Plan): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const target of STATS_TARGETS) figures.push(await timeTarget(target, seeded, plan));
  const mbPerMillion = (seeded.bytesAfterSeed / 1_048_576) * (1_000_000 / seeded.checks);
  figures.push(
    figure({
      id: 'stats.db_mb_per_million',
      label: `Stats: DB size on disk per 1M checks (${seeded.checks.toLocaleString('en-US')} seeded in ${seeded.seedSeconds.toFixed(1)} s)`,
      unit: 'MB',
      value: toSample([mbPerMillion]),
      bar: { op: '<=', limit: MAX_MB_PER_MILLION, on: 'value', source: 'bench' },
      details: { bytes: seeded.bytesAfterSeed, seedSeconds: seeded.seedSeconds },
    }),
  );
  return figures;
}
