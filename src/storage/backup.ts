/**
 * Online backup and backup inspection. `backupDatabase` uses SQLite's backup
 * API through better-sqlite3 (`db.backup`), which reads a consistent snapshot
 * while the bot keeps writing (WAL: readers never block the writer). The copy
 * goes to `<file>.partial`, is switched to a self-contained rollback-journal
 * file (no -wal/-shm beside it), checked with `PRAGMA integrity_check`, and
 * only then renamed to `<file>` (mode 0600: it holds personal data).
 */
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA } from './migrations/index.js';

export type BackupErrorCode = 'NOT_FOUND' | 'NOT_SQLITE' | 'CORRUPT' | 'UNKNOWN_SCHEMA' | 'SAME_FILE' | 'IN_USE';

export class BackupError extends Error {
  readonly code: BackupErrorCode;
  constructor(code: BackupErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
    this.code = code;
  }
}

export type DatabaseSummary = {
  readonly file: string;
  readonly schema: number;
  readonly people: number;
  readonly checks: number;
  readonly sessions: number;
};

/** The tables every known schema has; later steps may add more. */
export const CORE_TABLES = ['people', 'checks', 'sessions'] as const;
const SQLITE_MAGIC = 'SQLite format 3\u0000';

function readMagic(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = readSync(fd, buffer, 0, 16, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks that `file` is an intact database of a schema this build knows:
 * SQLite header, `integrity_check` = ok, `user_version` 1…LATEST_SCHEMA and
 * the core tables present. Returns its row counts.
 */
export function inspectDatabaseFile(file: string): DatabaseSummary {
  if (!existsSync(file)) throw new BackupError('NOT_FOUND', `${file} does not exist. Give the path of a file made by "npm run cli -- backup <file>".`);
  if (readMagic(file) !== SQLITE_MAGIC) {
    throw new BackupError('NOT_SQLITE', `${file} is not a SQLite database. Give a file made by "npm run cli -- backup <file>".`);
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const problems = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    const verdict = problems.map((row) => row.integrity_check);
    if (verdict.length !== 1 || verdict[0] !== 'ok') {
      throw new BackupError('CORRUPT', `${file} failed PRAGMA integrity_check (${verdict.slice(0, 3).join('; ')}). Use an older backup.`);
    }
    const schema = Number(db.pragma('user_version', { simple: true }));
    if (!(schema >= 1 && schema <= LATEST_SCHEMA)) {
      throw new BackupError('UNKNOWN_SCHEMA', `${file} is at schema ${schema}; this build knows 1 to ${LATEST_SCHEMA}. Use a backup of this bot (or upgrade the bot first).`);
    }
    const tables = new Set(db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
    const missing = CORE_TABLES.filter((table) => !tables.has(table));
    if (missing.length > 0) {
      throw new BackupError('UNKNOWN_SCHEMA', `${file} has no ${missing.join(', ')} table: it is not a database of this bot. Use a file made by "npm run cli -- backup <file>".`);
    }
    const count = (table: string): number => Number(db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get());
    return { file, schema, people: count('people'), checks: count('checks'), sessions: count('sessions') };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError('CORRUPT', `${file} cannot be read as a database (${error instanceof Error ? error.message : String(error)}). Use another backup.`, { cause: error });
  } finally {
    db.close();
  }
}

export type BackupOptions = {
  /** Pages copied per event-loop turn; default: all at once (one consistent snapshot, no restarts). */
  readonly pagesPerStep?: number;
};

/** Copies the open database `db` to `file` while it stays in use; returns the backup's summary. */
export async function backupDatabase(db: Database.Database, file: string, options: BackupOptions = {}): Promise<DatabaseSummary> {
  if (resolve(file) === resolve(db.name)) {
    throw new BackupError('SAME_FILE', `The backup file ${file} is the database itself. Give another path, e.g. backups/bot-2026-11-23.sqlite.`);
  }
  mkdirSync(dirname(resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const perStep = options.pagesPerStep;
  try {
    await db.backup(partial, { progress: ({ remainingPages }) => (perStep === undefined ? remainingPages : perStep) });
    selfContained(partial);
    inspectDatabaseFile(partial);
    chmodSync(partial, 0o600);
    syncFile(partial);
    renameSync(partial, file);
    syncFile(dirname(resolve(file)));
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${partial}${suffix}`, { force: true });
    throw error;
  }
  return inspectDatabaseFile(file);
}

/** Switches a copied database out of WAL mode, so it is one file that opens read-only without sidecars. */
export function selfContained(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/** fsync a file or a folder (so a rename inside it survives a power cut). */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
