/**
 * HandoffStore over PostgreSQL (`handoffs`, schema step 4), as
 * sqlite-handoff-store.ts: who asked, when, and the status — never a
 * question or an answer. A reply code works for HANDOFF_DAYS; older rows
 * are deleted as new ones come in (same statement), and by the retention
 * purge. Ids come from an identity column, so a code is never reused.
 */
import type { Handoff, HandoffStatus, HandoffStore } from '../../core/handoff.js';
import type { Address } from '../../core/message.js';
import { HANDOFF_DAYS } from '../sqlite-handoff-store.js';
import type { PgDatabase, Queryable } from './database.js';

const DAY_MS = 86_400_000;

type HandoffRow = { id: number; address: string; status: string; created_at: string };

/** A new handoff's id (older rows pruned in the same statement), on `tx` (a turn's transaction) or the pool. */
export async function pgOpenHandoff(tx: Queryable, address: Address, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - HANDOFF_DAYS * DAY_MS).toISOString();
  const [row] = await tx.query<{ id: number }>(
    `WITH pruned AS (DELETE FROM handoffs WHERE created_at < $1)
     INSERT INTO handoffs (address, status, created_at) VALUES ($2, 'open', $3) RETURNING id`,
    [cutoff, address, now.toISOString()],
  );
  if (row === undefined) throw new Error('INSERT INTO handoffs returned no id; is the database at schema 4?');
  return row.id;
}

export function createPgHandoffStore(db: PgDatabase): HandoffStore {
  return {
    open: (address, now) => pgOpenHandoff(db, address, now),
    async get(id): Promise<Handoff | undefined> {
      const [row] = await db.query<HandoffRow>('SELECT id, address, status, created_at FROM handoffs WHERE id = $1', [id]);
      return row === undefined ? undefined : { id: row.id, address: row.address as Address, status: row.status as HandoffStatus, createdAt: row.created_at };
    },
    async setStatus(id, status) {
      await db.query('UPDATE handoffs SET status = $1 WHERE id = $2', [status, id]);
    },
  };
}
