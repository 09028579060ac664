/**
 * Row shapes, mappers and the dialect-free SQL of the renewal feature
 * (issue #22), shared by src/storage/sqlite-renewals.ts and
 * src/storage/postgres/pg-renewals.ts. Placeholders are written `?` and
 * numbered for PostgreSQL by `numbered`.
 */
import type { Track } from '../core/eligibility/types.js';
import type { Address, ChannelName } from '../core/message.js';
import type { FreePeriod, RenewalCount, RenewalListRow } from '../core/renewal/types.js';
import { PENDING, PENDING_F } from './outreach-rows.js';

export type PeriodRow = { track: string; domain: string | null; free_until: string; reminders: number; renewed_at: string | null };
export type CountRow = { track: string; locality: string | null; count: number };
export type ListRow = {
  address: string; channel: string; track: string; domain: string | null; locality: string | null;
  free_until: string; reminders: number; renewed_at: string | null;
};

const RENEWAL_KINDS = `('renewal', 'renewal_offer')`;
const LAST_RENEWAL = '(SELECT max(n.created_at) FROM renewals n WHERE n.address = r.address AND n.track = r.track)';
const PENDING_REMINDERS = `(SELECT count(*) FROM followups f WHERE f.address = r.address AND f.track = r.track AND f.kind = 'renewal' AND ${PENDING_F})`;

export const SQL = {
  cancel: `UPDATE followups SET cancelled_at = ? WHERE address = ? AND track = ? AND kind IN ${RENEWAL_KINDS} AND ${PENDING}`,
  schedule: `INSERT INTO followups (address, kind, track, deadline, due_at, created_at) VALUES (?, 'renewal', ?, ?, ?, ?)`,
  offer: `INSERT INTO followups (address, kind, track, deadline, due_at, created_at) VALUES (?, 'renewal_offer', ?, ?, ?, ?)`,
  freeUntil: 'UPDATE registrations SET free_until = ? WHERE id = (SELECT max(id) FROM registrations WHERE address = ? AND track = ?)',
  renewed: 'INSERT INTO renewals (address, channel, track, locality, created_at) VALUES (?, ?, ?, ?, ?)',
  forget: 'UPDATE renewals SET address = NULL WHERE address = ?',
  postpone: 'UPDATE followups SET due_at = ? WHERE id = ?',
  periodsOf: `SELECT r.track, r.domain, r.free_until, ${PENDING_REMINDERS} AS reminders, ${LAST_RENEWAL} AS renewed_at
    FROM registrations r WHERE r.address = ? AND r.free_until IS NOT NULL ORDER BY r.free_until, r.id`,
  list: `SELECT r.address, r.channel, r.track, r.domain, coalesce(p.locality, r.locality) AS locality, r.free_until,
      CASE WHEN ${PENDING_REMINDERS} > 0 THEN 1 ELSE 0 END AS reminders, ${LAST_RENEWAL} AS renewed_at
    FROM registrations r JOIN people p ON p.address = r.address
    WHERE p.consent = 'granted' AND r.free_until >= ? AND r.free_until <= ?`,
} as const;

/** `$1, $2…` for PostgreSQL. */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export const toPeriod = (r: PeriodRow): FreePeriod => ({
  track: r.track as Track, domain: r.domain, freeUntil: r.free_until, reminders: Number(r.reminders), renewedAt: r.renewed_at,
});

export const toCount = (r: CountRow): RenewalCount => ({ track: r.track as Track, locality: r.locality, count: Number(r.count) });

export const toListRow = (r: ListRow): RenewalListRow => ({
  address: r.address as Address, channel: r.channel as ChannelName, track: r.track as Track, domain: r.domain, locality: r.locality,
  freeUntil: r.free_until, reminders: Number(r.reminders) > 0, renewedAt: r.renewed_at,
});
