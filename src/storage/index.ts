/**
 * Storage entry point: `openStore(file)` gives the core's ports over one
 * SQLite connection. With `cache`, sessions go through node-cache and the
 * records' commitTurn keeps it coherent (see cached-session-store.ts).
 */
import type { Clock, FollowupStore, RecordStore, SessionStore } from '../core/ports.js';
import {
  createCachedSessionStore,
  withSessionCache,
  type SessionCacheOptions,
} from './cached-session-store.js';
import { openDatabase, type SqliteDatabase } from './open-database.js';
import { createSqliteRecordStore } from './sqlite-record-store.js';
import { createSqliteSessionStore } from './sqlite-session-store.js';
import { createSqliteFollowupStore } from './sqlite-followup-store.js';
import type { AnalyticsQueries } from '../core/funnel.js';
import type { HandoffStore } from '../core/handoff.js';
import { createSqliteFunnelQueries } from './sqlite-funnel-queries.js';
import { createSqliteHandoffStore } from './sqlite-handoff-store.js';

export type OpenStoreOptions = {
  /** Session cache in this process; leave off when another process (CLI) may change sessions. */
  cache?: SessionCacheOptions;
  /** Stamps `sessions.updated_at` for SessionStore.write (commitTurn uses its own `now`). */
  clock?: Clock;
};

export type Store<S> = {
  readonly db: SqliteDatabase;
  readonly sessions: SessionStore<S>;
  readonly records: RecordStore;
  /** Follow-ups, broadcasts and staff-marked registrations (issue #9) on the same connection. */
  readonly followups: FollowupStore;
  /** Questions forwarded to staff (issue #11): the outbox the runner writes before delivering. */
  readonly handoffs: HandoffStore;
  /** Funnel, feedback and assisted-check counts for stats and exports (issue #11). */
  readonly analytics: AnalyticsQueries;
  /** Runs PRAGMA optimize and closes the connection; safe to call twice. */
  close(): void;
};

export function openStore<S>(file: string, options: OpenStoreOptions = {}): Store<S> {
  const db = openDatabase(file);
  const clock = options.clock;
  const sqliteSessions = createSqliteSessionStore<S>(db, clock === undefined ? {} : { clock });
  const sqliteRecords = createSqliteRecordStore(db);
  const cached = options.cache === undefined ? undefined : createCachedSessionStore(sqliteSessions, options.cache);
  let closed = false;
  return {
    db,
    sessions: cached ?? sqliteSessions,
    records: cached === undefined ? sqliteRecords : withSessionCache(sqliteRecords, cached),
    followups: createSqliteFollowupStore(db),
    handoffs: createSqliteHandoffStore(db),
    analytics: createSqliteFunnelQueries(db),
    close() {
      if (closed) return;
      closed = true;
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
export { createSqliteRecordStore } from './sqlite-record-store.js';
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
