/**
 * The 1M-check database, seeded once per run with the real storage layer
 * (file DB in os.tmpdir(), WAL) through the batched `insertChecks`.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Session } from '../../src/core/session.js';
import { insertChecks, openStore, type Store } from '../../src/storage/index.js';
import { generateChecks } from '../fixtures/seed-checks.js';
import { fixedClock } from './app-parts.js';
import { sqliteBytes, tempDir } from './temp-dir.js';

export type SeededStore = {
  readonly store: Store<Session>;
  readonly file: string;
  readonly checks: number;
  readonly seedSeconds: number;
  /** db + wal + shm after a truncating checkpoint, in bytes. */
  readonly bytesAfterSeed: number;
};

const CHUNK = 100_000;

export function openSeededStore(checks: number): SeededStore {
  const file = join(tempDir('stats'), 'bench.sqlite');
  const seeding = openStore<Session>(file, { clock: fixedClock, groupCommit: false });
  const start = performance.now();
  const rows = generateChecks(checks);
  let inserted = 0;
  while (inserted < checks) {
    inserted += insertChecks(seeding.db, take(rows, Math.min(CHUNK, checks - inserted)));
  }
  seeding.db.pragma('wal_checkpoint(TRUNCATE)');
  const seedSeconds = (performance.now() - start) / 1000;
  const bytesAfterSeed = sqliteBytes(file);
  // Closed and opened again, as the bot's lifecycle does (close runs PRAGMA optimize).
  seeding.close();
  return { store: openStore<Session>(file, { clock: fixedClock, groupCommit: false }), file, checks, seedSeconds, bytesAfterSeed };
}

function* take<T>(items: Iterator<T>, count: number): Generator<T> {
  for (let i = 0; i < count; i++) {
    const next = items.next();
    if (next.done === true) return;
    yield next.value;
  }
}
