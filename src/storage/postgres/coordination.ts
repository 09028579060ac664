/**
 * Coordination across bot processes through PostgreSQL advisory locks
 * (two-key form: the first key says what is locked, the second is
 * hashtext(name); a hash collision only serialises two unrelated names).
 *
 * - Turns: a session-level lock per address, held on a lock-pool client for
 *   the whole turn (read session → engine → commit), so two messages from one
 *   person never interleave, whichever replicas took them.
 * - Jobs: pg_try_advisory_lock; a replica that cannot take it skips the tick.
 *   Each job's effects are committed before the lock is released (sent_at,
 *   reminded, purged rows), so a later tick elsewhere finds nothing left to do.
 * - Leadership: pg_try_advisory_lock on a dedicated connection, retried every
 *   `retryMs`; the lock lives as long as that connection, so when the leader
 *   dies the server frees it and another replica takes over at its next try.
 *   The leader checks its connection every `retryMs` and steps down if lost.
 * - Outbox: rows the leader claims with FOR UPDATE SKIP LOCKED; a sent row is
 *   deleted (its text is not kept), and so is a row that failed 3 times: the
 *   address and text never outlive the retry budget (issue #18); the failure
 *   is counted in drain's result, which the leader logs. A turn's own rows
 *   (issue #16: written in its commit, sent by it right after) are held for
 *   OUTBOX_HOLD_MS, so a drain takes only those a stopped process left.
 */
import type pg from 'pg';
import type { Address, ChannelName, Outgoing } from '../../core/message.js';
import type { OutboxMessage } from '../../core/effects.js';
import { OUTBOX_ATTEMPTS, OUTBOX_HOLD_MS, type Coordination, type LeaderHandlers, type Leadership, type Outbox } from '../coordination.js';
import { channelFromAddress } from '../turn-rules.js';
import type { PgDatabase, Queryable } from './database.js';

const LOCK = { name: 'turn_lock', text: 'SELECT pg_advisory_lock($1, hashtext($2))' };
const UNLOCK = { name: 'turn_unlock', text: 'SELECT pg_advisory_unlock($1, hashtext($2))' };

const TURN = 1;
const JOB = 2;
const LEADER = 3;

export type PgCoordinationOptions = {
  /** How often a follower tries to become leader and a leader checks its connection. Default 5 s. */
  readonly retryMs?: number;
};

export function createPgCoordination(db: PgDatabase, options: PgCoordinationOptions = {}): Coordination {
  const retryMs = options.retryMs ?? 5_000;

  async function withLockClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await db.lockPool.connect();
    let broken: Error | undefined;
    try {
      return await fn(client);
    } catch (error) {
      broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      // A client that failed may still hold a lock: destroy it (release(err)) so the server frees it.
      client.release(broken);
    }
  }

  return {
    withTurnLock(address, fn) {
      return withLockClient(async (client) => {
        await client.query({ ...LOCK, values: [TURN, address] });
        const value = await fn().catch(async (error: unknown) => {
          await client.query({ ...UNLOCK, values: [TURN, address] });
          throw error;
        });
        await client.query({ ...UNLOCK, values: [TURN, address] });
        return value;
      });
    },

    once(name, fn) {
      return withLockClient(async (client) => {
        const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [JOB, name]);
        if (got.rows[0]?.ok !== true) return { ran: false as const };
        try {
          return { ran: true as const, value: await fn() };
        } finally {
          await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [JOB, name]);
        }
      });
    },

    lead: (role, handlers) => campaign(db, role, handlers, retryMs),
    outbox: createPgOutbox(db),
  };
}

function campaign(db: PgDatabase, role: string, handlers: LeaderHandlers, retryMs: number): Leadership {
  let client: pg.Client | undefined;
  let leader = false;
  let stopped = false;
  let busy: Promise<void> = Promise.resolve();

  async function drop(): Promise<void> {
    const old = client;
    client = undefined;
    await old?.end().catch(() => undefined);
  }

  async function stepDown(): Promise<void> {
    if (!leader) return;
    leader = false;
    await Promise.resolve(handlers.onLose()).catch(() => undefined);
  }

  async function tick(): Promise<void> {
    if (stopped) return;
    try {
      if (leader && client !== undefined) {
        await client.query('SELECT 1');
        return;
      }
      client ??= await db.dedicatedClient();
      const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [LEADER, role]);
      if (got.rows[0]?.ok === true && !stopped) {
        leader = true;
        await handlers.onGain();
      }
    } catch {
      // Connection lost (or onGain failed): whatever we held is gone; try again next tick.
      await stepDown();
      await drop();
    }
  }

  const run = (): void => {
    busy = busy.then(tick);
  };
  run();
  const timer = setInterval(run, retryMs);
  timer.unref();

  return {
    isLeader: () => leader,
    async stop() {
      if (stopped) return busy;
      stopped = true;
      clearInterval(timer);
      await busy;
      await stepDown();
      await drop();
    },
  };
}

type OutboxRow = { id: number; address: Address; messages: string; attempts: number; handoff_id: number | null; purpose: string | null };

/** A turn's message to another chat, in the turn's transaction; the turn sends it after the commit (others wait OUTBOX_HOLD_MS). */
export async function pgEnqueueTurnMessage(tx: Queryable, message: OutboxMessage, now: Date): Promise<number> {
  const hold = new Date(now.getTime() + OUTBOX_HOLD_MS).toISOString();
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO outbox (channel, address, messages, created_at, hold_until, handoff_id, purpose)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [channelFromAddress(message.to), message.to, JSON.stringify(message.messages), now.toISOString(), hold, message.handoff?.id ?? null, message.handoff?.purpose ?? null],
  );
  if (row === undefined) throw new Error('INSERT INTO outbox returned no id.');
  return row.id;
}

/** Sent or given up: the row goes; its handoff is answered (an answer arrived) or failed (a question never did). */
async function finish(tx: Queryable, row: Pick<OutboxRow, 'id' | 'handoff_id' | 'purpose'>, delivered: boolean): Promise<void> {
  await tx.query('DELETE FROM outbox WHERE id = $1', [row.id]);
  if (row.handoff_id === null) return;
  if (delivered && row.purpose === 'answer') await tx.query("UPDATE handoffs SET status = 'answered' WHERE id = $1", [row.handoff_id]);
  if (!delivered && row.purpose === 'question') await tx.query("UPDATE handoffs SET status = 'failed' WHERE id = $1", [row.handoff_id]);
}

function createPgOutbox(db: PgDatabase): Outbox {
  return {
    async enqueue(channel: ChannelName, address: Address, messages: readonly Outgoing[], now: Date) {
      await db.query('INSERT INTO outbox (channel, address, messages, created_at) VALUES ($1, $2, $3, $4)', [
        channel,
        address,
        JSON.stringify(messages),
        now.toISOString(),
      ]);
    },
    settle(id, delivered) {
      return db.transaction(async (tx) => {
        const [row] = await tx.query<OutboxRow>('SELECT id, handoff_id, purpose FROM outbox WHERE id = $1 FOR UPDATE', [id]);
        if (row !== undefined) await finish(tx, row, delivered);
      });
    },
    async pending() {
      const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE failed_at IS NULL');
      return rows[0]?.n ?? 0;
    },
    drain(channel, send, now, limit = 50) {
      return db.transaction(async (tx) => {
        const rows = await tx.query<OutboxRow>(
          `SELECT id, address, messages, attempts, handoff_id, purpose FROM outbox
           WHERE channel = $1 AND failed_at IS NULL AND (hold_until IS NULL OR hold_until <= $3)
           ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [channel, limit, now.toISOString()],
        );
        let sent = 0;
        let failed = 0;
        for (const row of rows) {
          try {
            await send(row.address, JSON.parse(row.messages) as Outgoing[]);
            // Sent: the text is not kept (privacy); the count is in the logs.
            await finish(tx, row, true);
            sent += 1;
          } catch (error) {
            if (row.attempts + 1 >= OUTBOX_ATTEMPTS) {
              // Failed for good: nothing of it is kept, neither the address nor the text.
              await finish(tx, row, false);
              failed += 1;
            } else {
              await tx.query('UPDATE outbox SET attempts = attempts + 1, error = $2 WHERE id = $1', [
                row.id,
                (error instanceof Error ? error.message : String(error)).slice(0, 300),
              ]);
            }
          }
        }
        return { sent, failed };
      });
    },
  };
}
