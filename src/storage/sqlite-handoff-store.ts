/**
 * HandoffStore over SQLite (`handoffs`, migration 004): who asked, when, and
 * the status — never a question or an answer. A reply code works for
 * HANDOFF_DAYS; older rows (and the address in them) are deleted as new ones
 * come in, and by the retention purge.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Handoff, HandoffStatus, HandoffStore } from '../core/handoff.js';
import type { Address } from '../core/message.js';

export const HANDOFF_DAYS = 30;
const DAY_MS = 86_400_000;

type HandoffRow = { id: number; address: string; status: string; created_at: string };

export function createSqliteHandoffStore(db: BetterSqlite3.Database): HandoffStore {
  const insert = db.prepare<[string, string], { id: number }>("INSERT INTO handoffs (address, status, created_at) VALUES (?, 'open', ?) RETURNING id");
  const select = db.prepare<[number], HandoffRow>('SELECT id, address, status, created_at FROM handoffs WHERE id = ?');
  const update = db.prepare<[string, number]>('UPDATE handoffs SET status = ? WHERE id = ?');
  const prune = db.prepare<[string]>('DELETE FROM handoffs WHERE created_at < ?');
  return {
    open(address, now) {
      prune.run(new Date(now.getTime() - HANDOFF_DAYS * DAY_MS).toISOString());
      const row = insert.get(address, now.toISOString());
      if (row === undefined) throw new Error('INSERT INTO handoffs returned no id; is the database at schema 4? Run the bot once to migrate it.');
      return row.id;
    },
    get(id): Handoff | undefined {
      const row = select.get(id);
      return row === undefined ? undefined : { id: row.id, address: row.address as Address, status: row.status as HandoffStatus, createdAt: row.created_at };
    },
    setStatus(id, status) {
      update.run(status, id);
    },
  };
}
