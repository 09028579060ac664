/**
 * Storage entry point: `openStore(file)` gives the core's ports over one
 * SQLite connection. With `cache`, sessions go through node-cache and the
 * records' commitTurn keeps it coherent (see cached-session-store.ts).
 * `openAppStore(config)` (open-app-store.ts) picks SQLite or PostgreSQL.
 */
import type { Clock } from '../core/ports.js';
import {
  createCachedSessionStore,
  withSessionCache,
  type SessionCacheOptions,
} from './cached-session-store.js';
import { openDatabase, type SqliteDatabase } from './open-database.js';
import { createSqliteRecordStore } from './sqlite-record-store.js';
import { createGroupCommit, type GroupCommitOptions } from './group-commit.js';
import { withGroupCommit } from './grouped-records.js';
import { createSqliteSessionStore } from './sqlite-session-store.js';
import { createSqliteFollowupStore } from './sqlite-followup-store.js';
import { createSqliteFunnelQueries } from './sqlite-funnel-queries.js';
import { createSqliteHandoffStore } from './sqlite-handoff-store.js';
import { createSqliteZaloOaStore } from './sqlite-zalo-oa-store.js';
import type { AppStore } from './app-store.js';
import { createLocalCoordination } from './coordination.js';
import { createSqliteOutbox } from './sqlite-outbox.js';
import { purgeExpired } from './retention.js';
import { checkpointAfterDeletion } from './sqlite-forget.js';
import { createSqliteReportQueries } from './sqlite-report-queries.js';
import { createSqliteStaffStore } from './sqlite-staff-store.js';

export type OpenStoreOptions = {
  /** Group commit (issue #21): turns ready in the same tick share one transaction. On unless `false`. */
  groupCommit?: boolean | GroupCommitOptions;
  /** Session cache in this process; leave off when another process (CLI) may change sessions. */
  cache?: SessionCacheOptions;
  /** Stamps `sessions.updated_at` for SessionStore.write (commitTurn uses its own `now`). */
  clock?: Clock;
};

/** The SQLite store: every AppStore port (one process) plus the connection for SQLite-only tools. */
export type Store<S> = Omit<AppStore<S>, 'kind' | 'close'> & {
  readonly kind: 'sqlite';
  readonly db: SqliteDatabase;
  /** Runs PRAGMA optimize and closes the connection; safe to call twice. */
  close(): void;
};

export function openStore<S>(file: string, options: OpenStoreOptions = {}): Store<S> {
  const db = openDatabase(file);
  const clock = options.clock;
  const sqliteSessions = createSqliteSessionStore<S>(db, clock === undefined ? {} : { clock });
  // commitTurn is a db.transaction function: atomic on its own, a savepoint inside a batch.
  const group = options.groupCommit === false ? undefined : createGroupCommit(db, { ...(options.groupCommit === true ? {} : options.groupCommit), atomicWork: true });
  const sqliteRecords = group === undefined ? createSqliteRecordStore(db) : withGroupCommit(createSqliteRecordStore(db), group);
  const cached = options.cache === undefined ? undefined : createCachedSessionStore(sqliteSessions, options.cache);
  let closed = false;
  return {
    kind: 'sqlite',
    db,
    sessions: cached ?? sqliteSessions,
    records: cached === undefined ? sqliteRecords : withSessionCache(sqliteRecords, cached),
    followups: createSqliteFollowupStore(db),
    handoffs: createSqliteHandoffStore(db),
    zaloOa: createSqliteZaloOaStore(db),
    analytics: createSqliteFunnelQueries(db),
    reports: createSqliteReportQueries(db),
    staff: (random) => createSqliteStaffStore(db, random === undefined ? {} : { random }),
    purgeExpired: async (now, retentionDays) => {
      const result = purgeExpired(db, now, retentionDays);
      checkpointAfterDeletion(db);
      return result;
    },
    coordination: createLocalCoordination(createSqliteOutbox(db)),
    close() {
      if (closed) return;
      closed = true;
      // Turns waiting for their batch are committed before the connection closes.
      if (db.open) group?.flush();
      cached?.close();
      if (!db.open) return;
      try {
        db.pragma('optimize');
      } finally {
        db.close();
      }
    },
  };
}

export { StorageError, type StorageErrorCode } from './errors.js';
export { openDatabase, type SqliteDatabase } from './open-database.js';
export { migrate, schemaVersion, type MigrationResult } from './migrate.js';
export { LATEST_SCHEMA, MIGRATIONS, type Migration } from './migrations/index.js';
export { createSqliteRecordStore, prepareSqliteTurns, type SqliteTurns } from './sqlite-record-store.js';
export { createSqliteSessionStore } from './sqlite-session-store.js';
export { createSqliteFollowupStore } from './sqlite-followup-store.js';
export { createSqliteFunnelQueries } from './sqlite-funnel-queries.js';
export { createSqliteHandoffStore } from './sqlite-handoff-store.js';
export { createSqliteRegisteredCounts } from './sqlite-registrations.js';
export {
  createCachedSessionStore,
  withSessionCache,
  type CachedSessionStore,
  type SessionCacheOptions,
} from './cached-session-store.js';
export { insertChecks } from './sqlite-rows.js';
export { createGroupCommit, type GroupCommit, type GroupCommitOptions } from './group-commit.js';
export type { AppStore, StoreKind } from './app-store.js';
export { createLocalCoordination, type Coordination, type Leadership, type Outbox } from './coordination.js';
