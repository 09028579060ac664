/**
 * The outbox over SQLite (schema step 10), as PostgreSQL's
 * (postgres/coordination.ts): messages a turn sends to other chats are
 * written in the turn's transaction (`prepareOutboxWrites`, used by
 * commit) and sent by the runner right after it; `settle` deletes the row,
 * sent or not, so no text outlives the delivery (and the WAL is checkpointed,
 * so no copy of the page stays there either). Rows left behind (the
 * process stopped between commit and send) are sent by the outbox job
 * (src/jobs/outbox-job.ts) once their hold has passed; a row that failed 3
 * times is deleted too.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { OutboxMessage, OutboxSettle } from '../core/effects.js';
import type { Address, Outgoing } from '../core/message.js';
import { OUTBOX_ATTEMPTS, OUTBOX_HOLD_MS, type Outbox } from './coordination.js';
import { channelFromAddress } from './turn-rules.js';
import { checkpointAfterDeletion } from './sqlite-forget.js';

type Row = { id: number; address: string; messages: string; attempts: number; handoff_id: number | null; purpose: string | null };

export type OutboxWrites = {
  /** Writes one message (inside the caller's transaction); returns the row id. */
  enqueue(message: OutboxMessage, now: Date): number;
};

export function prepareOutboxWrites(db: BetterSqlite3.Database): OutboxWrites {
  const insert = db.prepare<[string, string, string, string, string | null, number | null, string | null]>(
    `INSERT INTO outbox (channel, address, messages, created_at, hold_until, handoff_id, purpose) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    enqueue(message, now) {
      const hold = new Date(now.getTime() + OUTBOX_HOLD_MS).toISOString();
      const { handoff } = message;
      const info = insert.run(channelFromAddress(message.to), message.to, JSON.stringify(message.messages), now.toISOString(), hold, handoff?.id ?? null, handoff?.purpose ?? null);
      return Number(info.lastInsertRowid);
    },
  };
}

export function createSqliteOutbox(db: BetterSqlite3.Database): Outbox & OutboxSettle {
  const insertPlain = db.prepare<[string, string, string, string]>('INSERT INTO outbox (channel, address, messages, created_at) VALUES (?, ?, ?, ?)');
  const select = db.prepare<[number], Row>('SELECT id, address, messages, attempts, handoff_id, purpose FROM outbox WHERE id = ?');
  const waiting = db.prepare<[string, string, number], Row>(
    `SELECT id, address, messages, attempts, handoff_id, purpose FROM outbox
     WHERE channel = ? AND failed_at IS NULL AND (hold_until IS NULL OR hold_until <= ?) ORDER BY id LIMIT ?`,
  );
  const remove = db.prepare<[number]>('DELETE FROM outbox WHERE id = ?');
  const retry = db.prepare<[string, number]>('UPDATE outbox SET attempts = attempts + 1, error = ? WHERE id = ?');
  const handoffStatus = db.prepare<[string, number]>('UPDATE handoffs SET status = ? WHERE id = ?');
  const pending = db.prepare<[], number>('SELECT count(*) FROM outbox WHERE failed_at IS NULL').pluck();

  /** Sent or given up: the row goes; its handoff is answered (an answer arrived) or failed (a question never did). */
  const settleRow = db.transaction((row: Row, delivered: boolean) => {
    remove.run(row.id);
    if (row.handoff_id === null) return;
    if (delivered && row.purpose === 'answer') handoffStatus.run('answered', row.handoff_id);
    if (!delivered && row.purpose === 'question') handoffStatus.run('failed', row.handoff_id);
  });
  /** The row held words people typed: no copy of its page may stay in the WAL either (issue #18's rule for deletions). */
  const finish = (row: Row, delivered: boolean): void => {
    settleRow(row, delivered);
    checkpointAfterDeletion(db);
  };

  return {
    async enqueue(_channel, address, messages, now) {
      insertPlain.run(channelFromAddress(address), address, JSON.stringify(messages), now.toISOString());
    },
    settle(id, delivered) {
      const row = select.get(id);
      if (row !== undefined) finish(row, delivered);
    },
    async pending() {
      return pending.get() ?? 0;
    },
    async drain(channel, send, now, limit = 50) {
      let sent = 0;
      let failed = 0;
      for (const row of waiting.all(channel, now.toISOString(), limit)) {
        try {
          await send(row.address as Address, JSON.parse(row.messages) as Outgoing[]);
          finish(row, true);
          sent += 1;
        } catch (error) {
          if (row.attempts + 1 >= OUTBOX_ATTEMPTS) {
            finish(row, false);
            failed += 1;
          } else {
            retry.run((error instanceof Error ? error.message : String(error)).slice(0, 300), row.id);
          }
        }
      }
      return { sent, failed };
    },
  };
}
