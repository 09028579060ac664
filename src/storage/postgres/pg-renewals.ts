/**
 * The renewal feature over PostgreSQL (issue #22), as src/storage/sqlite-renewals.ts:
 * the turn's writes on the transaction's client, `forget`, and the
 * RenewalStore port with SQLite's row order (byte order, NULLs first).
 */
import type { Address, ChannelName } from '../../core/message.js';
import type { RenewalStore, RenewalWrite } from '../../core/renewal/types.js';
import { SQL, numbered, toCount, toListRow, toPeriod, type CountRow, type ListRow, type PeriodRow } from '../renewal-rows.js';
import type { Queryable } from './database.js';

export async function applyRenewalWrite(tx: Queryable, address: Address, channel: ChannelName, write: RenewalWrite, now: string): Promise<void> {
  if (write.type === 'renewal_reminders') {
    await tx.query(numbered(SQL.cancel), [now, address, write.track]);
    for (const at of write.dueAt) await tx.query(numbered(SQL.schedule), [address, write.track, write.freeUntil, at, now]);
    await tx.query(numbered(SQL.freeUntil), [write.freeUntil, address, write.track]);
    return;
  }
  await tx.query(numbered(SQL.renewed), [write.anonymous ? null : address, channel, write.track, write.locality, now]);
  if (!write.anonymous) await tx.query(numbered(SQL.cancel), [now, address, write.track]);
}

export async function forgetRenewals(tx: Queryable, address: Address): Promise<void> {
  await tx.query(numbered(SQL.forget), [address]);
}

export async function offerRenewal(tx: Queryable, address: Address, track: string, freeUntil: string, now: string): Promise<void> {
  await tx.query(numbered(SQL.offer), [address, track, freeUntil, now, now]);
}

const GROUPED = (table: 'registrations' | 'renewals', column: 'free_until' | 'created_at') =>
  `SELECT track, locality, count(*) AS count FROM ${table} WHERE ${column} >= $1 AND ${column} <= $2
   GROUP BY track, locality ORDER BY track COLLATE "C", locality COLLATE "C" NULLS FIRST`;

export function createPgRenewalStore(db: Queryable): RenewalStore {
  return {
    periodsOf: async (address) => (await db.query<PeriodRow>(numbered(SQL.periodsOf), [address])).map(toPeriod),
    async counts(range, bounds) {
      const [ending, renewed] = await Promise.all([
        db.query<CountRow>(GROUPED('registrations', 'free_until'), [range.from, range.to]),
        db.query<CountRow>(GROUPED('renewals', 'created_at'), [bounds.from, bounds.to]),
      ]);
      return { ending: ending.map(toCount), renewed: renewed.map(toCount) };
    },
    list: async (range) =>
      (await db.query<ListRow>(`${numbered(SQL.list)} ORDER BY r.free_until COLLATE "C", r.track COLLATE "C", r.address COLLATE "C", r.id`, [range.from, range.to])).map(toListRow),
  };
}
