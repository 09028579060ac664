/**
 * SessionStore over the `sessions` table: one JSON text per address.
 * A row that does not parse reads as `undefined` (a fresh conversation),
 * never as an exception, so one bad row cannot wedge a person's chat.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Address } from '../core/message.js';
import type { Clock, SessionStore } from '../core/ports.js';
import { serialiseState } from './errors.js';

export type SessionStatements = {
  read(address: Address): string | undefined;
  upsert(address: Address, json: string, updatedAt: string): void;
  remove(address: Address): void;
};

/** Prepared once; shared with the record store's commitTurn. */
export function prepareSessionStatements(db: BetterSqlite3.Database): SessionStatements {
  const read = db.prepare<[string], string>('SELECT state FROM sessions WHERE address = ?').pluck();
  const upsert = db.prepare<[string, string, string]>(
    `INSERT INTO sessions (address, state, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (address) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[string]>('DELETE FROM sessions WHERE address = ?');
  return {
    read: (address) => read.get(address),
    upsert: (address, json, updatedAt) => void upsert.run(address, json, updatedAt),
    remove: (address) => void remove.run(address),
  };
}

export function parseState<S>(json: string | undefined): S | undefined {
  if (json === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    return value === null ? undefined : (value as S);
  } catch {
    return undefined;
  }
}

const systemClock: Clock = { now: () => new Date() };

export function createSqliteSessionStore<S>(
  db: BetterSqlite3.Database,
  options: { clock?: Clock } = {},
): SessionStore<S> {
  const clock = options.clock ?? systemClock;
  const statements = prepareSessionStatements(db);
  return {
    read: (address) => parseState<S>(statements.read(address)),
    write: (address, state) => {
      statements.upsert(address, serialiseState(address, state), clock.now().toISOString());
    },
    delete: (address) => statements.remove(address),
  };
}
