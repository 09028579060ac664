/**
 * Read queries over `registrations` for PostgreSQL ("registered" in stats
 * and reports; src/storage/sqlite-registrations.ts over SQLite). Filters are
 * CheckQuery's with the same full-ISO-timestamp rule; rows come back in
 * SQLite's order (byte order for text, NULLs first, then id).
 */
import type { Track } from '../../core/eligibility/types.js';
import type { RegistrationCountRow, RegistrationRecord } from '../../core/outreach.js';
import type { CheckQuery } from '../../core/ports.js';
import { assertCheckQuery } from '../check-query.js';
import { toRegistration, toRegistrationCount, type RegistrationCountSqlRow, type RegistrationRow } from '../outreach-rows.js';
import type { Queryable } from './database.js';
import { checkFilter } from './pg-check-queries.js';

export type PgRegistrationQueries = {
  count(query: CheckQuery): Promise<RegistrationCountRow[]>;
  list(query: CheckQuery): Promise<RegistrationRecord[]>;
};

export function createPgRegistrationQueries(db: Queryable): PgRegistrationQueries {
  return {
    async count(query) {
      const { where, params } = checkFilter(query);
      const rows = await db.query<RegistrationCountSqlRow>(
        `SELECT track, referrer, locality, count(*) AS count FROM registrations ${where}
         GROUP BY track, referrer, locality
         ORDER BY track COLLATE "C", referrer COLLATE "C" NULLS FIRST, locality COLLATE "C" NULLS FIRST`,
        params,
      );
      return rows.map(toRegistrationCount);
    },
    async list(query) {
      const { where, params } = checkFilter(query);
      const rows = await db.query<RegistrationRow>(
        `SELECT address, channel, track, domain, referrer, locality, source, created_at FROM registrations ${where}
         ORDER BY created_at, id`,
        params,
      );
      return rows.map(toRegistration);
    },
  };
}

/** Registrations per track in a period: the quarterly report's "đã đăng ký" column (ReportQueries.registered). */
export function createPgRegisteredCounts(db: Queryable): (bounds: { from: string; to: string }) => Promise<{ track: Track; count: number }[]> {
  return async (bounds) => {
    assertCheckQuery(bounds);
    const rows = await db.query<{ track: string; count: number }>(
      'SELECT track, count(*) AS count FROM registrations WHERE created_at >= $1 AND created_at <= $2 GROUP BY track ORDER BY track COLLATE "C"',
      [bounds.from, bounds.to],
    );
    return rows.map((r) => ({ track: r.track as Track, count: r.count }));
  };
}
