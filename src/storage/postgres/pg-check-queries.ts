/**
 * Read queries over `checks` for PostgreSQL (src/storage/sqlite-check-queries.ts
 * over SQLite). Same filters, same rows, same order: track and outcome sort
 * with COLLATE "C" (SQLite's byte order, whatever the database's locale);
 * created_at is fixed-shape ISO text, which every collation orders alike,
 * so it keeps its index; ties on created_at fall back to id, as there.
 */
import type { Address } from '../../core/message.js';
import type { CheckQuery, CheckRecord, CountRow } from '../../core/ports.js';
import type { Outcome, Track } from '../../core/eligibility/types.js';
import { checkQueryWhere } from '../check-query.js';
import { CHECK_SELECT, toCheck, type CheckRow } from '../record-rows.js';
import type { Queryable } from './database.js';

type CountSqlRow = { track: string; outcome: string; count: number };

export type PgCheckQueries = {
  list(query: CheckQuery): Promise<CheckRecord[]>;
  count(query: CheckQuery): Promise<CountRow[]>;
  of(address: Address): Promise<CheckRecord[]>;
};

/** The WHERE clause (with $1… placeholders) and its parameters for a CheckQuery. */
export function checkFilter(query: CheckQuery): { where: string; params: string[] } {
  const { where, params } = checkQueryWhere(query, (n) => `$${n}`);
  return { where, params };
}

export function createPgCheckQueries(db: Queryable): PgCheckQueries {
  return {
    async list(query) {
      const { where, params } = checkFilter(query);
      const rows = await db.query<CheckRow>(`SELECT ${CHECK_SELECT} FROM checks ${where} ORDER BY created_at, id`, params);
      return rows.map(toCheck);
    },
    async count(query) {
      const { where, params } = checkFilter(query);
      const rows = await db.query<CountSqlRow>(
        `SELECT track, outcome, count(*) AS count FROM checks ${where}
         GROUP BY track, outcome ORDER BY track COLLATE "C", outcome COLLATE "C"`,
        params,
      );
      return rows.map((row) => ({ track: row.track as Track, outcome: row.outcome as Outcome, count: row.count }));
    },
    async of(address) {
      const rows = await db.query<CheckRow>(
        `SELECT ${CHECK_SELECT} FROM checks WHERE address = $1 ORDER BY created_at, id`,
        [address],
      );
      return rows.map(toCheck);
    },
  };
}
