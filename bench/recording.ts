/**
 * 3. Recording: checks written per second through the real storage layer
 * (file DB in os.tmpdir(), WAL), on the seeded 1M-check database, i.e. the
 * steady state of a bot that has run for years.
 *
 * Single-turn path: `commitTurn` with the writes and session the engine
 * produced for real id.vn checks (a person row with consent, then the
 * check) — one transaction per turn, as the runner does.
 * Batched path (the baseline's counterpart): the same checks through
 * `insertChecks`, one transaction. Ratio: rate batched/single.
 */
import { step } from '../src/core/engine.js';
import type { Address } from '../src/core/message.js';
import type { CheckRecord, Write } from '../src/core/ports.js';
import type { Session } from '../src/core/session.js';
import { insertChecks } from '../src/storage/index.js';
import { idvnChecks } from './fixtures/idvn-scripts.js';
import { BENCH_NOW, engineDeps } from './lib/app-parts.js';
import { figure, type Figure } from './lib/figure.js';
import { ratePerSecond, samplePair, type Plan } from './lib/measure.js';
import type { SeededStore } from './lib/seeded-store.js';

const CHECKS_PER_RUN = 10_000;
/** Our bar, the issue sets none: one transaction for many rows must clearly beat one per turn. */
const MIN_BATCH_RATIO = 2;

type RecordedTurn = { readonly session: Session; readonly writes: readonly Write[] };

/** The turns of real id.vn checks that record a check, as the engine produced them. */
function recordingTurns(count: number): RecordedTurn[] {
  const deps = engineDeps();
  const turns: RecordedTurn[] = [];
  for (const script of idvnChecks(count, 33)) {
    let session: Session | undefined;
    for (const turn of script) {
      const result = step(session, { from: 'telegram:1', ...turn }, deps);
      session = result.session;
      if (result.writes.some((w) => w.type === 'check')) turns.push({ session, writes: result.writes });
    }
  }
  return turns;
}

function asRecord(address: Address, write: Write, createdAt: string): CheckRecord | undefined {
  if (write.type !== 'check') return undefined;
  const { track, outcome, reason, referrer, locality } = write;
  return { address: write.anonymous ? null : address, channel: 'telegram', track, outcome, reason, referrer, locality, createdAt };
}

export async function benchRecording(seeded: SeededStore, plan: Plan): Promise<Figure[]> {
  const turns = recordingTurns(CHECKS_PER_RUN);
  const records = seeded.store.records;
  const start = new Date(BENCH_NOW).getTime();
  let clock = 0;
  const address = (i: number): Address => `telegram:${500_000 + i}`;

  const single = (): number =>
    ratePerSecond(() => {
      let checks = 0;
      turns.forEach((turn, i) => {
        void records.commitTurn(address(i), turn.session, turn.writes, new Date(start + clock++));
        checks += turn.writes.filter((w) => w.type === 'check').length;
      });
      return checks;
    });
  const batched = (): number => {
    const rows = turns.flatMap((turn, i) => {
      const at = new Date(start + clock++).toISOString();
      return turn.writes.flatMap((w) => asRecord(address(i), w, at) ?? []);
    });
    return ratePerSecond(() => insertChecks(seeded.store.db, rows));
  };

  const [singleRate, batchedRate] = await samplePair(single, batched, plan);
  return [
    figure({
      id: 'recording.commit_turn_checks_per_second',
      label: `Recording: commitTurn, checks/s (${turns.length.toLocaleString('en-US')} turns/run, 1M-check file DB, WAL)`,
      unit: 'checks/s',
      value: singleRate,
      bar: { op: '>=', limit: 10_000, on: 'value', source: 'issue' },
    }),
    figure({
      id: 'recording.insert_checks_per_second',
      label: `Recording: insertChecks batched, checks/s (${turns.length.toLocaleString('en-US')} rows, one transaction)`,
      unit: 'checks/s',
      value: batchedRate,
      bar: { op: '>=', limit: MIN_BATCH_RATIO, on: 'ratio', source: 'bench' },
      baseline: { label: 'commitTurn, one per turn', unit: 'checks/s', value: singleRate },
      ratioLabel: 'rate batched/single',
      ratio: batchedRate.median / singleRate.median,
    }),
  ];
}
