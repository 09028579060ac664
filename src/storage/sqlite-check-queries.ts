/**
 * Read queries over `checks`. Each combination of CheckQuery filters is its
 * own SQL text (so SQLite can use the created_at / track indexes), prepared
 * the first time it is used and reused after that.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Address } from '../core/message.js';
import type { CheckQuery, CheckRecord, CountRow } from '../core/ports.js';
import type { Outcome, Track } from '../core/eligibility/types.js';
import { assertCheckQuery, checkQueryWhere } from './check-query.js';
import { CHECK_SELECT, toCheck, type CheckRow } from './sqlite-rows.js';

type CountSqlRow = { track: string; outcome: string; count: number };

export type CheckQueries = {
  list(query: CheckQuery): CheckRecord[];
  count(query: CheckQuery): CountRow[];
  of(address: Address): CheckRecord[];
};

/** Every (track, outcome) cell, in the order the GROUP BY query returns them. */
const CELLS: readonly (readonly [Track, Outcome])[] = (['biz.vn', 'id.vn'] as const).flatMap((track) =>
  (['eligible', 'not_eligible', 'undetermined'] as const).map((outcome) => [track, outcome] as const),
);

function filter(query: CheckQuery): { key: string; where: string; params: string[] } {
  return checkQueryWhere(query, () => '?');
}

export function prepareCheckQueries(db: BetterSqlite3.Database): CheckQueries {
  const listCache = new Map<string, BetterSqlite3.Statement<string[], CheckRow>>();
  const countCache = new Map<string, BetterSqlite3.Statement<string[], CountSqlRow>>();
  const countCell = db
    .prepare<[Track, Outcome, string, string], number>(
      'SELECT count(*) FROM checks WHERE track = ? AND outcome = ? AND created_at >= ? AND created_at <= ?',
    )
    .pluck();
  const ofAddress = db.prepare<[string], CheckRow>(
    `SELECT ${CHECK_SELECT} FROM checks WHERE address = ? ORDER BY created_at, id`,
  );

  function cached<R>(
    cache: Map<string, BetterSqlite3.Statement<string[], R>>,
    key: string,
    sql: () => string,
  ): BetterSqlite3.Statement<string[], R> {
    let statement = cache.get(key);
    if (statement === undefined) {
      statement = db.prepare<string[], R>(sql());
      cache.set(key, statement);
    }
    return statement;
  }

  return {
    list(query) {
      assertCheckQuery(query);
      const { key, where, params } = filter(query);
      const statement = cached(listCache, key, () =>
        `SELECT ${CHECK_SELECT} FROM checks ${where} ORDER BY created_at, id`,
      );
      return statement.all(...params).map(toCheck);
    },
    count(query) {
      assertCheckQuery(query);
      // The common case (a period, every track and channel): six range counts on the covering
      // index (track, outcome, created_at) beat one GROUP BY over the period's rows.
      if (query?.track === undefined && query?.channel === undefined) {
        const from = query?.from ?? '0000';
        const to = query?.to ?? '9999';
        return CELLS.flatMap(([track, outcome]) => {
          const count = countCell.get(track, outcome, from, to) ?? 0;
          return count > 0 ? [{ track, outcome, count }] : [];
        });
      }
      const { key, where, params } = filter(query);
      const statement = cached(countCache, key, () =>
        `SELECT track, outcome, count(*) AS count FROM checks ${where}
         GROUP BY track, outcome ORDER BY track, outcome`,
      );
      return statement.all(...params).map((row) => ({
        track: row.track as Track,
        outcome: row.outcome as Outcome,
        count: row.count,
      }));
    },
    of: (address) => ofAddress.all(address).map(toCheck),
  };
}
