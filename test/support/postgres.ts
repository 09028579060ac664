/**
 * PostgreSQL in tests: `describePg` runs a block only when the suite's
 * server is up; `freshPgUrl()` gives a connection string whose search_path
 * is a new, empty schema, so every store under test starts from nothing
 * and tests in parallel files never see each other's rows. For parity
 * tests, `loadBoth` puts the same rows into SQLite and PostgreSQL.
 */
import pg from 'pg';
import { describe, inject } from 'vitest';
import type { SqliteDatabase } from '../../src/storage/index.js';
import type { PgDatabase } from '../../src/storage/postgres/database.js';

export const PG_URL = inject('pgUrl');
export const describePg = PG_URL === '' ? describe.skip : describe;

let counter = 0;

export async function freshPgUrl(): Promise<string> {
  counter += 1;
  const schema = `t_${process.pid}_${counter}_${Math.floor(Math.random() * 1e6)}`;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
  return `${PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** SQL with SQLite's `?` placeholders, written with PostgreSQL's `$1`, `$2`, … */
export function toPgPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** One INSERT (with `?` placeholders) per row, into both databases. */
export async function loadBoth(sqlite: SqliteDatabase, pgDb: PgDatabase, sql: string, rows: readonly (readonly unknown[])[]): Promise<void> {
  const pgSql = toPgPlaceholders(sql);
  for (const row of rows) {
    sqlite.prepare(sql).run(...row);
    await pgDb.query(pgSql, row);
  }
}
