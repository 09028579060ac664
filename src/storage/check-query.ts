/**
 * `CheckQuery` bounds compare as text against `created_at`, which is always
 * `Date#toISOString()` output. A date-only bound ('2026-11-23') would
 * silently drop that whole day, so it is refused with the fix. Also the
 * query's WHERE clause, in either SQL dialect, for the SQLite and
 * PostgreSQL reads over `checks` and `registrations`.
 */
import type { CheckQuery } from '../core/ports.js';
import { StorageError } from './errors.js';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function isIsoTimestamp(value: string): boolean {
  return ISO_UTC.test(value);
}

export function assertCheckQuery(query: CheckQuery): void {
  for (const key of ['from', 'to'] as const) {
    const value = query[key];
    if (value !== undefined && !isIsoTimestamp(value)) {
      throw new StorageError(
        'BAD_QUERY',
        `CheckQuery.${key} must be a full ISO UTC timestamp like 2026-11-23T02:00:00.000Z (use date.toISOString()); got "${value}".`,
      );
    }
  }
}

/** CheckQuery's filters, in the order their clauses and parameters appear. */
const FILTERS = [
  ['from', 'created_at >='],
  ['to', 'created_at <='],
  ['track', 'track ='],
  ['channel', 'channel ='],
] as const;

/**
 * Checks a CheckQuery (assertCheckQuery), then gives its WHERE clause (empty
 * without filters) and parameters; `placeholder(n)` writes the n-th
 * parameter (`?` for SQLite, `$n` for PostgreSQL). `key` names the filters
 * used: one SQL text per key.
 */
export function checkQueryWhere(query: CheckQuery, placeholder: (n: number) => string): { key: string; where: string; params: string[] } {
  assertCheckQuery(query);
  const clauses: string[] = [];
  const params: string[] = [];
  let key = '';
  for (const [name, clause] of FILTERS) {
    const value = query[name];
    if (value === undefined) continue;
    params.push(value);
    clauses.push(`${clause} ${placeholder(params.length)}`);
    key += `${name};`;
  }
  return { key, where: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
}
