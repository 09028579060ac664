/**
 * The renewal feature over SQLite (issue #22): a turn's renewal writes
 * (inside commitTurn's transaction), what `forget` does to `renewals`, and
 * the RenewalStore read port (free periods, counts, the export list).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Address, ChannelName } from '../core/message.js';
import type { RenewalStore, RenewalWrite } from '../core/renewal/types.js';
import { SQL, toCount, toListRow, toPeriod, type CountRow, type ListRow, type PeriodRow } from './renewal-rows.js';

export type RenewalWrites = {
  apply(address: Address, channel: ChannelName, write: RenewalWrite, now: string): void;
  /** Renewal reports stay as anonymous counts. */
  forget(address: Address): void;
};

export function prepareRenewalWrites(db: BetterSqlite3.Database): RenewalWrites {
  const cancel = db.prepare<[string, string, string]>(SQL.cancel);
  const schedule = db.prepare<[string, string, string, string, string]>(SQL.schedule);
  const freeUntil = db.prepare<[string, string, string]>(SQL.freeUntil);
  const renewed = db.prepare<[string | null, string, string, string | null, string]>(SQL.renewed);
  const forget = db.prepare<[string]>(SQL.forget);
  return {
    apply(address, channel, write, now) {
      if (write.type === 'renewal_reminders') {
        cancel.run(now, address, write.track);
        for (const at of write.dueAt) schedule.run(address, write.track, write.freeUntil, at, now);
        freeUntil.run(write.freeUntil, address, write.track);
        return;
      }
      renewed.run(write.anonymous ? null : address, channel, write.track, write.locality, now);
      if (!write.anonymous) cancel.run(now, address, write.track);
    },
    forget: (address) => void forget.run(address),
  };
}

const GROUPED = (table: 'registrations' | 'renewals', column: 'free_until' | 'created_at') =>
  `SELECT track, locality, count(*) AS count FROM ${table} WHERE ${column} >= ? AND ${column} <= ? GROUP BY track, locality ORDER BY track, locality`;

export function createSqliteRenewalStore(db: BetterSqlite3.Database): RenewalStore {
  const periods = db.prepare<[string], PeriodRow>(SQL.periodsOf);
  const ending = db.prepare<[string, string], CountRow>(GROUPED('registrations', 'free_until'));
  const renewed = db.prepare<[string, string], CountRow>(GROUPED('renewals', 'created_at'));
  const list = db.prepare<[string, string], ListRow>(`${SQL.list} ORDER BY r.free_until, r.track, r.address, r.id`);
  return {
    periodsOf: (address) => periods.all(address).map(toPeriod),
    counts: (range, bounds) => ({
      ending: ending.all(range.from, range.to).map(toCount),
      renewed: renewed.all(bounds.from, bounds.to).map(toCount),
    }),
    list: (range) => list.all(range.from, range.to).map(toListRow),
  };
}

/** Staff recorded a consenting person's registration: one message offering the reminders, due now. */
export function prepareRenewalOffer(db: BetterSqlite3.Database): (address: Address, track: string, freeUntil: string, now: string) => void {
  const offer = db.prepare<[string, string, string, string, string]>(SQL.offer);
  return (address, track, freeUntil, now) => void offer.run(address, track, freeUntil, now, now);
}
