/**
 * `CheckQuery` bounds compare as text against `created_at`, which is always
 * `Date#toISOString()` output. A date-only bound ('2026-11-23') would
 * silently drop that whole day, so it is refused with the fix.
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
