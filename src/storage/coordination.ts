/**
 * What several bot processes must agree on, behind one small port:
 *
 * - a person's turns never interleave (`withTurnLock`), whichever replica
 *   took each message;
 * - a scheduled job's tick runs in one process at a time (`once`);
 * - exactly one process holds a role such as the Zalo listener (`lead`);
 * - messages for a channel only the leader can send wait in an `outbox`,
 *   and so do messages a turn sends to other chats until they are sent
 *   (issue #16; both databases, schema step 10).
 *
 * `createLocalCoordination(outbox)` is the single-process answer (SQLite): the
 * runner's own per-address queue orders turns, every job and role is ours.
 * src/storage/postgres/coordination.ts answers with advisory locks.
 */
import type { OutboxSettle } from '../core/effects.js';
import type { Address, ChannelName, Outgoing } from '../core/message.js';

export type LeaderHandlers = {
  /** This process became the leader: start what only the leader runs. */
  onGain(): Promise<void> | void;
  /** Leadership was lost (database connection gone) or given up: stop it. */
  onLose(): Promise<void> | void;
};

export type Leadership = {
  isLeader(): boolean;
  /** Gives leadership up (calls onLose when held) and stops campaigning. */
  stop(): Promise<void>;
};

export type OutboxSend = (address: Address, messages: readonly Outgoing[]) => Promise<void>;

export interface Outbox extends OutboxSettle {
  enqueue(channel: ChannelName, address: Address, messages: readonly Outgoing[], now: Date): Promise<void>;
  /** Sends up to `limit` waiting messages of `channel` (a turn's own rows once their hold passed), oldest first; a failure is retried up to 3 times. */
  drain(channel: ChannelName, send: OutboxSend, now: Date, limit?: number): Promise<{ sent: number; failed: number }>;
  /** Messages still waiting to be sent (not failed for good), for the bot_outbox_pending gauge. */
  pending?(): Promise<number>;
}

export interface Coordination {
  withTurnLock<T>(address: Address, fn: () => Promise<T>): Promise<T>;
  /** Runs `fn` unless another process is running job `name` right now. */
  once<T>(name: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  lead(role: string, handlers: LeaderHandlers): Leadership;
  readonly outbox: Outbox;
}

export const OUTBOX_ATTEMPTS = 3;

/** A turn's own outbox rows are sent by that turn right after its commit; the outbox job takes them only after this long. */
export const OUTBOX_HOLD_MS = 60_000;

/** `once` for one process: the job always runs here (there is nobody to share it with). */
export const runHere: Coordination['once'] = async (_name, fn) => ({ ran: true, value: await fn() });

/**
 * One process: the runner's per-address queue orders turns, every job runs
 * here, and this process is always the leader (`underLeadership` sends
 * directly while it leads). Only a turn's messages to other chats wait in
 * `outbox` (SQLite's, src/storage/sqlite-outbox.ts), until sent after the commit.
 */
export function createLocalCoordination(outbox: Outbox = NO_OUTBOX): Coordination {
  return {
    withTurnLock: (_address, fn) => fn(),
    once: runHere,
    lead(_role, handlers) {
      let leader = true;
      const gained = Promise.resolve().then(() => handlers.onGain());
      return {
        isLeader: () => leader,
        async stop() {
          if (!leader) return;
          leader = false;
          await gained.catch(() => undefined);
          await handlers.onLose();
        },
      };
    },
    outbox,
  };
}

/** Without a database (tests of coordination alone): nothing is ever queued. */
const NO_OUTBOX: Outbox = {
  enqueue: () => Promise.reject(new Error('One process has no outbox: it leads, so it sends directly.')),
  drain: async () => ({ sent: 0, failed: 0 }),
  pending: async () => 0,
  settle: () => undefined,
};

/**
 * The turn lock with one debug line per turn: when this process held the
 * person's lock (epoch ms, sub-ms precision). The multi-process test reads
 * these lines from every replica to show no two turns of one person overlapped.
 */
export function timedTurnLock(
  coordination: Coordination,
  debug: ((message: string, fields: Record<string, unknown>) => void) | undefined,
): Coordination['withTurnLock'] {
  if (debug === undefined) return coordination.withTurnLock;
  const now = (): number => performance.timeOrigin + performance.now();
  return (address, fn) =>
    coordination.withTurnLock(address, async () => {
      const from = now();
      try {
        return await fn();
      } finally {
        debug('turn lock held', { address, from, to: now() });
      }
    });
}
