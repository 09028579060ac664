/**
 * Applies schema steps by `PRAGMA user_version`, each in its own
 * BEGIN IMMEDIATE transaction (the version bump commits with the step), so
 * two processes opening the same file (bot + CLI) cannot apply a step twice.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { StorageError, schemaTooNew } from './errors.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

export type MigrationResult = { from: number; to: number };

export function schemaVersion(db: BetterSqlite3.Database): number {
  const version = db.pragma('user_version', { simple: true });
  return typeof version === 'number' ? version : 0;
}

export function migrate(
  db: BetterSqlite3.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): MigrationResult {
  assertOrdered(migrations);
  const known = migrations.length;
  const from = schemaVersion(db);
  if (from > known) throw schemaTooNew(from, known);

  for (const step of migrations) {
    if (step.version <= from) continue;
    const apply = db.transaction(() => {
      const current = schemaVersion(db);
      if (current >= step.version) return; // another process got here first
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    });
    try {
      apply.immediate();
    } catch (error) {
      throw new StorageError(
        'BAD_MIGRATIONS',
        `Schema step ${step.version} (${step.name}) failed and was rolled back: ${errorText(error)}. The database is still at schema ${schemaVersion(db)}; fix the step or restore a backup (npm run cli -- backup).`,
        { cause: error },
      );
    }
  }
  return { from, to: schemaVersion(db) };
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((step, index) => {
    if (step.version !== index + 1) {
      throw new StorageError(
        'BAD_MIGRATIONS',
        `Schema step "${step.name}" has version ${step.version} but is number ${index + 1} in src/storage/migrations/index.ts. Number steps 1, 2, 3… in the order they are listed.`,
      );
    }
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
