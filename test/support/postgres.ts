/**
 * PostgreSQL in tests: `describePg` runs a block only when the suite's
 * server is up; `freshPgUrl()` gives a connection string whose search_path
 * is a new, empty schema, so every store under test starts from nothing
 * and tests in parallel files never see each other's rows.
 */
import pg from 'pg';
import { describe, inject } from 'vitest';

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
