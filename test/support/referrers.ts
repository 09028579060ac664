/**
 * Referral codes are recorded only when staff created them (issue #7). Stories
 * that arrive with a code first create it, as an admin would with
 * `/referrer add`; seeding the same code twice is harmless.
 */
import type { SqliteDatabase } from '../../src/storage/index.js';
import { createSqliteStaffStore } from '../../src/storage/sqlite-staff-store.js';

export function seedReferrers(db: SqliteDatabase, ...codes: readonly string[]): void {
  const store = createSqliteStaffStore(db);
  for (const code of codes) {
    if (store.referrerCode(code) !== undefined) continue;
    void store.addReferrer({ label: `Đoàn viên ${code}`, address: null, by: 'test', via: 'cli', now: new Date('2026-11-01T00:00:00.000Z'), code });
  }
}
