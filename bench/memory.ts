/**
 * 5. Memory: bytes per idle session in the node-cache session cache
 * (createCachedSessionStore with DEFAULT_SESSION_CACHE, sessions produced by
 * the engine). Each run is a fresh child process (memory-child.ts) started
 * with --expose-gc, so the heapUsed and RSS deltas are taken after full
 * collections. Both are printed; both are held to the 2 KB bar.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { figure, type Figure } from './lib/figure.js';
import { toSample } from './lib/measure.js';
import type { MemoryRound } from './memory-child.js';

const SESSIONS = 10_000;
const CHILD = fileURLToPath(new URL('./memory-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

function runChild(): MemoryRound {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, String(SESSIONS)], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    throw new Error(`memory-child failed (exit ${String(child.status)}): ${child.stderr.trim() || line}`);
  }
  return JSON.parse(line) as MemoryRound;
}

/** The child warms itself up; `runs` fresh processes give the median. */
export function benchMemory(runs: number): Figure[] {
  const rounds = Array.from({ length: runs }, runChild);
  const bar = { op: '<=', limit: 2048, on: 'value', source: 'issue' } as const;
  return [
    figure({
      id: 'memory.heap_bytes_per_session',
      label: `Memory: idle sessions in node-cache, heapUsed delta (${SESSIONS.toLocaleString('en-US')} sessions)`,
      unit: 'B/session',
      value: toSample(rounds.map((r) => r.heapBytesPerSession)),
      bar,
    }),
    figure({
      id: 'memory.rss_bytes_per_session',
      label: `Memory: idle sessions in node-cache, RSS delta (${SESSIONS.toLocaleString('en-US')} sessions)`,
      unit: 'B/session',
      value: toSample(rounds.map((r) => r.rssBytesPerSession)),
      bar,
    }),
  ];
}
