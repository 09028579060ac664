/**
 * Runs in its own process under `node --expose-gc --import tsx` (see
 * memory.ts), one process per run so RSS starts clean. It first makes and
 * drops as many sessions as it will measure (JIT warm, V8's young generation
 * at its working size), then fills the node-cache session cache with 10,000
 * idle sessions the engine produced and prints the heapUsed and RSS growth
 * per session as one JSON line.
 */
import { step } from '../src/core/engine.js';
import type { Address } from '../src/core/message.js';
import type { SessionStore } from '../src/core/ports.js';
import type { Session } from '../src/core/session.js';
import { createCachedSessionStore, DEFAULT_SESSION_CACHE } from '../src/storage/cached-session-store.js';
import { idvnChecks } from './fixtures/idvn-scripts.js';
import { createRandom } from './fixtures/random.js';
import { engineDeps } from './lib/app-parts.js';

export type MemoryRound = { heapBytesPerSession: number; rssBytesPerSession: number };

const SESSIONS = Number(process.argv[2] ?? 10_000);
const WARMUP_SESSIONS = SESSIONS;

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('memory-child needs global.gc: run it with node --expose-gc --import tsx.');
const collect = (): void => {
  for (let i = 0; i < 4; i++) gc();
};

/** Only the cache is measured: the store behind it keeps nothing. */
const nothing: SessionStore<Session> = { read: () => undefined, write: () => undefined, delete: () => undefined };
const deps = engineDeps();
const scripts = idvnChecks(500, 77);

/** A person somewhere in an id.vn check: at the menu, asked for a birth date, asked for consent, or done. */
function idleSession(address: Address, seed: number): Session {
  const random = createRandom(seed);
  const script = scripts[seed % scripts.length] ?? [];
  const turns = random.int(1, script.length);
  let session: Session | undefined;
  for (const turn of script.slice(0, turns)) session = step(session, { from: address, ...turn }, deps).session;
  if (session === undefined) throw new Error('memory-child: a script without turns.');
  return session;
}

function warmUp(): void {
  for (let i = 0; i < WARMUP_SESSIONS; i++) idleSession(`telegram:${i}`, i);
  const cache = createCachedSessionStore(nothing, DEFAULT_SESSION_CACHE);
  cache.remember('telegram:1', idleSession('telegram:1', 1));
  cache.close();
}

function measure(): MemoryRound {
  collect();
  const before = process.memoryUsage();
  const cache = createCachedSessionStore(nothing, DEFAULT_SESSION_CACHE);
  for (let i = 0; i < SESSIONS; i++) {
    const address: Address = `telegram:${String(700_000_000 + i * 7919)}`;
    cache.remember(address, idleSession(address, i));
  }
  collect();
  const after = process.memoryUsage();
  let hits = 0;
  for (let i = 0; i < SESSIONS; i++) if (cache.read(`telegram:${String(700_000_000 + i * 7919)}`) !== undefined) hits += 1;
  if (hits !== SESSIONS) throw new Error(`memory-child: only ${hits} of ${SESSIONS} sessions stayed in the cache (maxKeys?).`);
  cache.close();
  return {
    heapBytesPerSession: (after.heapUsed - before.heapUsed) / SESSIONS,
    rssBytesPerSession: (after.rss - before.rss) / SESSIONS,
  };
}

warmUp();
process.stdout.write(`${JSON.stringify(measure())}\n`);
