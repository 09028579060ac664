/**
 * SQLite's check inserts (prepared, and in bulk); the row shapes and mappers
 * shared with PostgreSQL live in record-rows.ts and are re-exported here.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { CheckRecord } from '../core/ports.js';
import { CHECK_COLUMNS, fromCheck, type CheckRow } from './record-rows.js';

export * from './record-rows.js';

const INSERT_CHECK_SQL = `INSERT INTO checks (${CHECK_COLUMNS})
  VALUES (@address, @channel, @track, @outcome, @reason, @referrer, @locality, @created_at)`;

export function prepareCheckInsert(db: BetterSqlite3.Database): BetterSqlite3.Statement<[CheckRow]> {
  return db.prepare<[CheckRow]>(INSERT_CHECK_SQL);
}

/**
 * Bulk insert in one transaction (~300k rows/s): for seeding benchmarks and
 * imports. Returns the number of rows inserted.
 */
export function insertChecks(db: BetterSqlite3.Database, checks: Iterable<CheckRecord>): number {
  const insert = prepareCheckInsert(db);
  return db.transaction(() => {
    let count = 0;
    for (const check of checks) {
      insert.run(fromCheck(check));
      count += 1;
    }
    return count;
  })();
}
