/**
 * `backup <file>` and `restore <file>` (SQLite files), and the summary line of
 * `purge`, which applies RETENTION_DAYS now through the store on either
 * database (the bot also does it daily). backup works while the bot runs;
 * restore needs the bot stopped. Each prints one summary line.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { backupDatabase, BackupError, type DatabaseSummary } from '../../storage/backup.js';
import { restoreDatabase } from '../../storage/restore.js';
import { BACKUP_KEEP_DAYS, pruneOldBackups } from '../../storage/backup-pruning.js';
import type { PurgeResult } from '../../storage/retention.js';

export type MaintenanceDeps = {
  readonly databasePath: string;
  readonly out: (line: string) => void;
  /** "Now" (BOT_CLOCK in tests): backups older than 30 days before it are removed; restore's ledger dates. */
  readonly now?: Date;
};

function describe(summary: DatabaseSummary): string {
  return `schema ${summary.schema}, ${summary.people} people, ${summary.checks} checks, ${summary.sessions} sessions, integrity ok`;
}

function fileArgument(args: readonly string[], command: string): string {
  const [file, extra] = args;
  if (file === undefined || file.startsWith('-') || extra !== undefined) {
    throw new Error(`Usage: npm run cli -- ${command} <file>, e.g. npm run cli -- ${command} backups/bot-2026-11-23.sqlite`);
  }
  return file;
}

export async function runBackup(args: readonly string[], deps: MaintenanceDeps): Promise<void> {
  const file = fileArgument(args, 'backup');
  if (!existsSync(deps.databasePath)) {
    throw new BackupError('NOT_FOUND', `Nothing to back up: ${deps.databasePath} does not exist. Check DATABASE_PATH.`);
  }
  // A plain connection: backing up must not migrate (take a backup before upgrading).
  const db = new Database(deps.databasePath, { fileMustExist: true, timeout: 5000 });
  try {
    const summary = await backupDatabase(db, file);
    deps.out(`Backed up ${deps.databasePath} to ${file}: ${describe(summary)}.`);
    const removed = pruneOldBackups(file, { now: deps.now ?? new Date(), liveDatabase: deps.databasePath });
    if (removed.length > 0) deps.out(`Removed ${removed.length} backup(s) older than ${BACKUP_KEEP_DAYS} days: ${removed.join(', ')}.`);
  } finally {
    db.close();
  }
}

export async function runRestore(args: readonly string[], deps: MaintenanceDeps): Promise<void> {
  const file = fileArgument(args, 'restore');
  const summary = await restoreDatabase(file, deps.databasePath, deps.now ?? new Date());
  deps.out(`Restored ${file} to ${deps.databasePath}: ${describe(summary)}. Run "npm run cli -- purge", then start the bot.`);
  if (summary.reapplied > 0) {
    deps.out(`Deletion ledger re-applied: ${summary.reapplied} people who deleted their data after this backup was taken are forgotten again.`);
  }
}

export function formatPurge(result: PurgeResult, retentionDays: number): string {
  return `Purged records older than ${retentionDays} days (last active before ${result.cutoff}): ${result.people} people deleted, ${result.sessions} sessions deleted, ${result.checks} checks anonymised, ${result.other} other rows (follow-ups, news opt-ins, registrations) deleted or anonymised.`;
}
