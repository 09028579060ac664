/**
 * Picks the database from the configuration: PostgreSQL when DATABASE_URL
 * is set (several processes may share it; sessions are not cached), else the
 * SQLite file at DATABASE_PATH (one process; sessions cached in node-cache
 * when `cache` is given). The PostgreSQL code is loaded only when used.
 */
import type { Clock } from '../core/ports.js';
import type { AppStore } from './app-store.js';
import { openStore } from './index.js';
import type { SessionCacheOptions } from './cached-session-store.js';

export type StoreSettings = {
  readonly DATABASE_PATH: string;
  readonly DATABASE_URL?: string | undefined;
  readonly DATABASE_POOL_SIZE?: number | undefined;
};

export type OpenAppStoreOptions = {
  readonly clock?: Clock;
  /** SQLite only: the node-cache session cache (the bot, not the CLI). */
  readonly cache?: SessionCacheOptions;
};

export async function openAppStore<S>(settings: StoreSettings, options: OpenAppStoreOptions = {}): Promise<AppStore<S>> {
  if (settings.DATABASE_URL) {
    const { openPostgresStore } = await import('./postgres/index.js');
    return openPostgresStore<S>(settings.DATABASE_URL, {
      ...(options.clock === undefined ? {} : { clock: options.clock }),
      ...(settings.DATABASE_POOL_SIZE === undefined ? {} : { poolSize: settings.DATABASE_POOL_SIZE }),
    });
  }
  return openStore<S>(settings.DATABASE_PATH, {
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.cache === undefined ? {} : { cache: options.cache }),
  });
}
