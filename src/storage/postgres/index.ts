/**
 * `openPostgresStore(url)`: every storage port over PostgreSQL, for several
 * bot processes sharing one database (DATABASE_URL). Sessions are not
 * cached here: any replica may take a person's next message, and a cache
 * in one process would serve a state another replica already moved on.
 */
import type { Clock } from '../../core/ports.js';
import type { AppStore } from '../app-store.js';
import { cannotConnect, connectPostgres, type PgDatabase, type PgOptions } from './database.js';
import { migratePostgres } from './migrate.js';
import { createPgCoordination } from './coordination.js';
import { createPgRecordStore } from './pg-record-store.js';
import { createPgSessionStore } from './pg-session-store.js';
import { createPgFollowupStore } from './pg-followup-store.js';
import { createPgHandoffStore } from './pg-handoff-store.js';
import { createPgZaloOaStore } from './pg-zalo-oa-store.js';
import { createPgFunnelQueries } from './pg-funnel-queries.js';
import { createPgReportQueries } from './pg-report-queries.js';
import { createPgStaffStore } from './pg-staff-store.js';
import { pgPurgeExpired } from './pg-retention.js';
import { StorageError } from '../errors.js';

export type PgStore<S> = Omit<AppStore<S>, 'kind' | 'close'> & { readonly kind: 'postgres'; readonly db: PgDatabase; close(): Promise<void> };

export type OpenPostgresOptions = PgOptions & { readonly clock?: Clock };

export async function openPostgresStore<S>(url: string, options: OpenPostgresOptions = {}): Promise<PgStore<S>> {
  const db = connectPostgres(url, options);
  try {
    await migratePostgres(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error instanceof StorageError ? error : cannotConnect(url, error);
  }
  const staff = createPgStaffStore(db);
  return {
    kind: 'postgres',
    db,
    sessions: createPgSessionStore<S>(db, options.clock === undefined ? {} : { clock: options.clock }),
    records: createPgRecordStore(db),
    followups: createPgFollowupStore(db),
    handoffs: createPgHandoffStore(db),
    zaloOa: createPgZaloOaStore(db),
    analytics: createPgFunnelQueries(db),
    reports: createPgReportQueries(db),
    staff: (random) => (random === undefined ? staff : createPgStaffStore(db, { random })),
    purgeExpired: (now, days) => pgPurgeExpired(db, now, days),
    coordination: createPgCoordination(db),
    close: () => db.close(),
  };
}

export { connectPostgres, redact, type PgDatabase, type Queryable } from './database.js';
export { migratePostgres, pgSchemaVersion } from './migrate.js';
