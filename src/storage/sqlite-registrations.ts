/**
 * Read queries over `registrations` ("registered" in stats and reports).
 * Filters are those of CheckQuery (from, to, track, channel) with the same
 * full-ISO-timestamp rule.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Address, ChannelName } from '../core/message.js';
import type { Track } from '../core/eligibility/types.js';
import type { RegistrationCountRow, RegistrationRecord } from '../core/outreach.js';
import type { CheckQuery } from '../core/ports.js';
import { assertCheckQuery } from './check-query.js';

type Row = {
  address: string | null;
  channel: string;
  track: string;
  domain: string | null;
  referrer: string | null;
  locality: string | null;
  source: string;
  created_at: string;
};

const FILTERS = [
  ['from', 'created_at >= ?'],
  ['to', 'created_at <= ?'],
  ['track', 'track = ?'],
  ['channel', 'channel = ?'],
] as const;

function where(query: CheckQuery): { sql: string; params: string[] } {
  assertCheckQuery(query);
  const clauses: string[] = [];
  const params: string[] = [];
  for (const [name, clause] of FILTERS) {
    const value = query[name];
    if (value === undefined) continue;
    clauses.push(clause);
    params.push(value);
  }
  return { sql: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
}

export type RegistrationQueries = {
  count(query: CheckQuery): RegistrationCountRow[];
  list(query: CheckQuery): RegistrationRecord[];
};

export function prepareRegistrationQueries(db: BetterSqlite3.Database): RegistrationQueries {
  // Few filter combinations and few rows: prepared per call is fine here.
  return {
    count(query) {
      const { sql, params } = where(query);
      const rows = db
        .prepare<string[], { track: string; referrer: string | null; locality: string | null; count: number }>(
          `SELECT track, referrer, locality, count(*) AS count FROM registrations ${sql}
           GROUP BY track, referrer, locality ORDER BY track, referrer, locality`,
        )
        .all(...params);
      return rows.map((r) => ({ track: r.track as Track, referrer: r.referrer, locality: r.locality, count: r.count }));
    },
    list(query) {
      const { sql, params } = where(query);
      return db
        .prepare<string[], Row>(`SELECT address, channel, track, domain, referrer, locality, source, created_at FROM registrations ${sql} ORDER BY created_at, id`)
        .all(...params)
        .map((r) => ({
          address: r.address as Address | null,
          channel: r.channel as ChannelName,
          track: r.track as Track,
          domain: r.domain,
          referrer: r.referrer,
          locality: r.locality,
          source: r.source as 'person' | 'staff',
          createdAt: r.created_at,
        }));
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
