/**
 * Read queries over `registrations` ("registered" in stats and reports).
 * Filters are those of CheckQuery (from, to, track, channel) with the same
 * full-ISO-timestamp rule.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Track } from '../core/eligibility/types.js';
import type { RegistrationCountRow, RegistrationRecord } from '../core/outreach.js';
import type { CheckQuery } from '../core/ports.js';
import { assertCheckQuery, checkQueryWhere } from './check-query.js';
import { toRegistration, toRegistrationCount, type RegistrationCountSqlRow, type RegistrationRow } from './outreach-rows.js';

export type RegistrationQueries = {
  count(query: CheckQuery): RegistrationCountRow[];
  list(query: CheckQuery): RegistrationRecord[];
};

export function prepareRegistrationQueries(db: BetterSqlite3.Database): RegistrationQueries {
  // Few filter combinations and few rows: prepared per call is fine here.
  return {
    count(query) {
      const { where, params } = checkQueryWhere(query, () => '?');
      const rows = db
        .prepare<string[], RegistrationCountSqlRow>(
          `SELECT track, referrer, locality, count(*) AS count FROM registrations ${where}
           GROUP BY track, referrer, locality ORDER BY track, referrer, locality`,
        )
        .all(...params);
      return rows.map(toRegistrationCount);
    },
    list(query) {
      const { where, params } = checkQueryWhere(query, () => '?');
      return db
        .prepare<string[], RegistrationRow>(`SELECT address, channel, track, domain, referrer, locality, source, created_at FROM registrations ${where} ORDER BY created_at, id`)
        .all(...params)
        .map(toRegistration);
    },
  };
}

/** Registrations per track in a period: the quarterly report's "đã đăng ký" column (ReportQueries.registered). */
export function createSqliteRegisteredCounts(db: BetterSqlite3.Database): (bounds: { from: string; to: string }) => { track: Track; count: number }[] {
  const statement = db.prepare<[{ from: string; to: string }], { track: string; count: number }>(
    'SELECT track, count(*) AS count FROM registrations WHERE created_at >= @from AND created_at <= @to GROUP BY track ORDER BY track',
  );
  return (bounds) => {
    assertCheckQuery(bounds);
    return statement.all({ from: bounds.from, to: bounds.to }).map((r) => ({ track: r.track as Track, count: r.count }));
  };
}
