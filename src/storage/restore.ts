/**
 * Restores a backup over the live database file. Stop the bot first: restore
 * refuses with IN_USE when another connection (the bot, a CLI) has the file
 * open. Steps: inspect the backup (header, integrity_check, known schema) →
 * copy it through SQLite to `<target>.restoring` and inspect the copy → take
 * an exclusive lock on the target to prove nobody uses it → drop the target's
 * stale -wal/-shm → rename the copy over the target (atomic on one disk).
 *
 * Deletions survive a restore (issue #18): the live database's deletion
 * ledger (salted hashes, src/storage/deletion-ledger.ts) is read first and
 * re-applied to the copy — everyone who deleted their data after the backup
 * was taken is forgotten again — before the copy replaces the target.
 */
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { BackupError, inspectDatabaseFile, selfContained, syncFile, type DatabaseSummary } from './backup.js';
import { applyLedger, readLedger, type Ledger } from './deletion-ledger.js';
import { openDatabase } from './open-database.js';
import { checkpointAfterDeletion, prepareForget } from './sqlite-forget.js';

export type RestoreSummary = DatabaseSummary & {
  /** People in the backup forgotten again because the live ledger says they deleted their data. */
  readonly reapplied: number;
};

/** The ledger of the database being replaced; undefined when it has none or cannot be read. */
function liveLedger(target: string): Ledger | undefined {
  if (!existsSync(target)) return undefined;
  try {
    const db = new Database(target, { readonly: true, fileMustExist: true, timeout: 5000 });
    try {
      return readLedger(db);
    } finally {
      db.close();
    }
  } catch {
    return undefined; // a damaged database: its ledger is lost with it (README says so)
  }
}

/** Migrates the copy to this build's schema and forgets everyone in the ledger; returns how many. */
function reapply(copy: string, ledger: Ledger, now: Date): number {
  const db = openDatabase(copy);
  try {
    const forget = prepareForget(db);
    const forgotten = applyLedger(db, ledger, (address) => forget(address, now.toISOString()));
    checkpointAfterDeletion(db);
    return forgotten;
  } finally {
    db.close();
  }
}

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

export async function restoreDatabase(source: string, target: string, now: Date = new Date()): Promise<RestoreSummary> {
  if (resolve(source) === resolve(target)) {
    throw new BackupError('SAME_FILE', `${source} is DATABASE_PATH itself. Give the backup file to restore from.`);
  }
  inspectDatabaseFile(source);
  const ledger = liveLedger(target);
  let reapplied = 0;
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
    if (ledger !== undefined) reapplied = reapply(copy, ledger, now);
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
  return { ...inspectDatabaseFile(target), reapplied };
}
