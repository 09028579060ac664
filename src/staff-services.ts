/**
 * Composes the staff side from an open database and the configuration:
 * the staff store and report queries (SQLite here, or any AppStore's), the renderers (QR, chart, XLSX/CSV),
 * the locality names and the admin list. Used by src/main.ts, the CLI and the
 * test harness, so they all wire it the same way. Nothing starts on import.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Clock } from './core/calendar.js';
import type { Address } from './core/message.js';
import type { StaffServices, StaffStore } from './core/staff.js';
import type { ReportQueries } from './core/reports/types.js';
import type { Localities } from './localities.js';
import { createReportRenderers } from './reports/index.js';
import type { ChartOptions } from './reports/chart.js';
import { createSqliteReportQueries } from './storage/sqlite-report-queries.js';
import { createSqliteStaffStore } from './storage/sqlite-staff-store.js';
import type { RandomInt } from './storage/staff-codes.js';

export type StaffServicesOptions = {
  readonly localities: Localities;
  /** TELEGRAM_BOT_USERNAME, with or without the @. */
  readonly botUsername?: string | undefined;
  /** INVITE_DAYS. */
  readonly inviteDays: number;
  readonly clock?: Clock;
  readonly chart?: ChartOptions;
  /** Tests only: deterministic codes. */
  readonly random?: RandomInt;
};

/** "Phường Kiến An, Thành phố Hải Phòng" (the team's ward when data/localities.json names it). */
export function areaOf(localities: Localities): string {
  return localities.home === undefined ? localities.province.name : `${localities.home.name}, ${localities.province.name}`;
}

export function createStaffServices(db: BetterSqlite3.Database, options: StaffServicesOptions): StaffServices {
  return composeStaffServices(
    {
      store: createSqliteStaffStore(db, options.random === undefined ? {} : { random: options.random }),
      // The report's "đã đăng ký" column reads issue #9's registrations table (see createSqliteReportQueries).
      reports: createSqliteReportQueries(db),
    },
    options,
  );
}

/** The same services over any database's staff store and report queries (src/storage/app-store.ts). */
export function composeStaffServices(ports: { store: StaffStore; reports: ReportQueries }, options: StaffServicesOptions): StaffServices {
  const { localities } = options;
  const username = options.botUsername?.replace(/^@/, '');
  return {
    store: ports.store,
    reports: ports.reports,
    render: createReportRenderers({ ...options.chart, ...(options.clock === undefined ? {} : { clock: options.clock }) }),
    ...(username === undefined || username === '' ? {} : { botUsername: username }),
    inviteDays: options.inviteDays,
    area: areaOf(localities),
    localityName: (value) => localities.index.byCode(value)?.name ?? value,
  };
}

/** ADMINS as the engine's `isAdmin`. */
export function createIsAdmin(admins: readonly string[]): (address: Address) => boolean {
  const set = new Set(admins);
  return (address) => set.has(address);
}
