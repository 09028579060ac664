/**
 * Restores a backup over the live database file. Stop the bot first: restore
 * refuses with IN_USE when another connection (the bot, a CLI) has the file
 * open. Steps: inspect the backup (header, integrity_check, known schema) →
 * copy it through SQLite to `<target>.restoring` and inspect the copy → take
 * an exclusive lock on the target to prove nobody uses it → drop the target's
 * stale -wal/-shm → rename the copy over the target (atomic on one disk).
 */
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { BackupError, inspectDatabaseFile, selfContained, syncFile, type DatabaseSummary } from './backup.js';

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/** Closes the target after proving no other connection has it open; throws IN_USE otherwise. */
function releaseTarget(target: string): void {
  if (!existsSync(target)) return;
  let db: Database.Database;
  try {
    db = new Database(target, { fileMustExist: true, timeout: 0 });
  } catch {
    return; // not even openable: nothing can be using it as a database
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
  } catch (error) {
    if (isBusy(error)) {
      db.close();
      throw new BackupError(
        'IN_USE',
        `${target} is in use by another process (is the bot running?). Stop the bot first (Ctrl+C or "systemctl stop …"), then run restore again.`,
        { cause: error },
      );
    }
    // A damaged target (often the reason to restore) is simply replaced.
  }
  db.close();
}

export async function restoreDatabase(source: string, target: string): Promise<DatabaseSummary> {
  if (resolve(source) === resolve(target)) {
    throw new BackupError('SAME_FILE', `${source} is DATABASE_PATH itself. Give the backup file to restore from.`);
  }
  inspectDatabaseFile(source);
  mkdirSync(dirname(resolve(target)), { recursive: true });
  const copy = `${target}.restoring`;
  rmSync(copy, { force: true });
  try {
    const from = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await from.backup(copy, { progress: ({ remainingPages }) => remainingPages });
    } finally {
      from.close();
    }
    selfContained(copy);
    inspectDatabaseFile(copy);
    chmodSync(copy, 0o600);
    syncFile(copy);
    releaseTarget(target);
    for (const sidecar of ['-wal', '-shm', '-journal']) rmSync(`${target}${sidecar}`, { force: true });
    renameSync(copy, target);
    syncFile(dirname(resolve(target)));
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${copy}${suffix}`, { force: true });
    throw error;
  }
  return inspectDatabaseFile(target);
}
