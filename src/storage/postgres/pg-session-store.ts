/**
 * SessionStore over PostgreSQL's `sessions` table: one JSON text per
 * address (src/storage/sqlite-session-store.ts over SQLite). A row that does
 * not parse reads as `undefined` (a fresh conversation), never as an
 * exception, so one bad row cannot wedge a person's chat. Not cached: any
 * replica may take the person's next message.
 */
import type { Address } from '../../core/message.js';
import type { Clock, SessionStore } from '../../core/ports.js';
import { serialiseState } from '../errors.js';
import { parseState } from '../sqlite-session-store.js';
import type { PgDatabase, Queryable } from './database.js';

/** Shared with the record store's commitTurn, which runs it on its transaction. */
export async function upsertSession(db: Queryable, address: Address, json: string, updatedAt: string): Promise<void> {
  await db.query(
    `INSERT INTO sessions (address, state, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (address) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
    [address, json, updatedAt],
  );
}

export async function removeSession(db: Queryable, address: Address): Promise<void> {
  await db.query('DELETE FROM sessions WHERE address = $1', [address]);
}

const systemClock: Clock = { now: () => new Date() };

export function createPgSessionStore<S>(db: PgDatabase, options: { clock?: Clock } = {}): SessionStore<S> {
  const clock = options.clock ?? systemClock;
  return {
    async read(address) {
      const rows = await db.query<{ state: string }>('SELECT state FROM sessions WHERE address = $1', [address]);
      return parseState<S>(rows[0]?.state);
    },
    async write(address, state) {
      await upsertSession(db, address, serialiseState(address, state), clock.now().toISOString());
    },
    delete: (address) => removeSession(db, address),
  };
}
