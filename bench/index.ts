/**
 * `npm run bench`: measures the figures of issue #10 on this machine and
 * prints them with their bars; every ratio's baseline is measured in the same
 * run. Writes bench/results.json. Not part of `npm test`. Exit code 1 when a
 * bar fails. See README.md "Performance".
 */
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { benchColdStart } from './cold-start.js';
import { benchEngine } from './engine.js';
import { verdict, type Figure } from './lib/figure.js';
import { describeMachine, formatMachine } from './lib/machine.js';
import type { Plan } from './lib/measure.js';
import { toResults, writeResults } from './lib/results.js';
import { openSeededStore } from './lib/seeded-store.js';
import { formatDetails, formatTable } from './lib/table.js';
import { removeTempDirs } from './lib/temp-dir.js';
import { benchMemory } from './memory.js';
import { benchNlu } from './nlu.js';
import { benchRecording } from './recording.js';
import { benchStats } from './stats.js';
import { benchTelegram, formatSideBySide, type SideBySide } from './telegram.js';
import { benchReplicas } from './replicas.js';
import { findPostgresBin } from '../test/support/postgres-server.js';

const SEEDED_CHECKS = 1_000_000;
const CPU_PLAN: Plan = { warmup: 2, runs: 7 };
const IO_PLAN: Plan = { warmup: 1, runs: 5 };
const MEMORY_RUNS = 5;
const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));

const progress = (step: string): void => {
  process.stderr.write(`bench: ${step}…\n`);
};

async function measureAll(sideBySide: SideBySide[]): Promise<Map<string, Figure[]>> {
  const by = new Map<string, Figure[]>();
  progress('1/8 engine');
  by.set('engine', [await benchEngine(CPU_PLAN)]);
  progress('6/8 free-text understanding');
  by.set('nlu', [await benchNlu(CPU_PLAN)]);
  progress('2/8 Telegram pipeline (ours, peer, echo at 1, 10, 100 concurrent chats)');
  const telegram = await benchTelegram(IO_PLAN);
  by.set('telegram', telegram.figures);
  sideBySide.push(...telegram.table);
  progress(`4/8 seeding ${SEEDED_CHECKS.toLocaleString('en-US')} checks`);
  const seeded = openSeededStore(SEEDED_CHECKS);
  try {
    progress('4/8 stats queries');
    by.set('stats', await benchStats(seeded, IO_PLAN));
    progress('3/8 recording');
    by.set('recording', await benchRecording(seeded, IO_PLAN));
  } finally {
    seeded.store.close();
  }
  progress('5/8 memory (child processes)');
  by.set('memory', benchMemory(MEMORY_RUNS));
  progress('7/8 cold start');
  by.set('cold', [await benchColdStart(IO_PLAN)]);
  if (findPostgresBin() === undefined) {
    process.stderr.write('bench: 8/8 replicas skipped — no PostgreSQL binaries (install postgresql or set PG_BIN)\n');
  } else {
    progress('8/8 replicas on PostgreSQL (1 vs 3 bot processes, 2,000 webhook updates per run)');
    by.set('replicas', await benchReplicas({ warmup: 1, runs: 3 }));
  }
  return by;
}

async function main(): Promise<void> {
  const started = performance.now();
  const machine = describeMachine();
  console.log(formatMachine(machine));
  let by: Map<string, Figure[]>;
  const sideBySide: SideBySide[] = [];
  try {
    by = await measureAll(sideBySide);
  } finally {
    removeTempDirs();
  }
  const order = ['engine', 'telegram', 'recording', 'stats', 'memory', 'nlu', 'cold', 'replicas'];
  const figures = order.flatMap((key) => by.get(key) ?? []);
  const seconds = (performance.now() - started) / 1000;
  console.log('');
  console.log(formatTable(figures));
  console.log('');
  console.log(`Medians after warm-up; * = bar set by the bench (the issue gives none; see README). Took ${seconds.toFixed(0)} s.`);
  console.log(`Details:\n${formatDetails(figures)}`);
  console.log('');
  console.log('Telegram side by side (closed loop, same driver and emulator; medians of the runs):');
  console.log(formatSideBySide(sideBySide));
  const results = { ...toResults(machine, figures, seconds), telegramSideBySide: sideBySide };
  writeResults(RESULTS, results);
  console.log(`Wrote ${RESULTS}`);
  const failed = figures.filter((f) => verdict(f) === 'FAIL');
  if (failed.length > 0) {
    console.log(`FAIL: ${failed.map((f) => f.id).join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  removeTempDirs();
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
});
