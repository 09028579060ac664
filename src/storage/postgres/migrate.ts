/**
 * Applies PostgreSQL schema steps, recorded in `schema_version` (SQLite
 * keeps it in PRAGMA user_version). Each step runs in its own transaction
 * under a transaction-level advisory lock, so replicas starting together
 * apply each step once.
 */
import { StorageError, schemaTooNew } from '../errors.js';
import type { Migration } from '../migrations/index.js';
import type { PgDatabase, Queryable } from './database.js';
import { PG_MIGRATIONS } from './migrations/index.js';

/** pg_advisory_xact_lock key for migrations ("tmvn" schema). */
const MIGRATION_LOCK = 0x746d766e;

async function versionOf(db: Queryable): Promise<number> {
  await db.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const rows = await db.query<{ version: number }>('SELECT version FROM schema_version');
  return rows[0]?.version ?? 0;
}

export async function pgSchemaVersion(db: PgDatabase): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    return versionOf(tx);
  });
}

export async function migratePostgres(db: PgDatabase, migrations: readonly Migration[] = PG_MIGRATIONS): Promise<{ from: number; to: number }> {
  const from = await pgSchemaVersion(db);
  if (from > migrations.length) throw schemaTooNew(from, migrations.length);
  let to = from;
  for (const step of migrations) {
    if (step.version <= from) continue;
    try {
      to = await db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        const current = await versionOf(tx);
        if (current >= step.version) return current; // another replica got here first
        await tx.query(step.sql);
        await tx.query('DELETE FROM schema_version');
        await tx.query('INSERT INTO schema_version (version) VALUES ($1)', [step.version]);
        return step.version;
      });
    } catch (error) {
      throw new StorageError(
        'BAD_MIGRATIONS',
        `PostgreSQL schema step ${step.version} (${step.name}) failed and was rolled back: ${error instanceof Error ? error.message : String(error)}. Fix the step in src/storage/postgres/migrations/ or restore the database from pg_dump.`,
        { cause: error },
      );
    }
  }
  return { from, to };
}
