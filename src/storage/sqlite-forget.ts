/**
 * What deleting a person's data does on SQLite (issue #18: deleted means
 * deleted): the person row and session go, their checks and registrations
 * stay as anonymous counts, follow-ups, news opt-in, renewals, handoffs, messages
 * waiting in the outbox (to them, or forwarding their question) and /join attempts go, a helper's address leaves the checks it was credited for,
 * and the deletion ledger gets a salted hash (never the address). With
 * `secure_delete` on every connection (open-database.ts) the freed bytes
 * are zeroed; `checkpointAfterDeletion` then empties the WAL, so no older
 * copy of a page lingers there either.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Address } from '../core/message.js';
import { prepareLedgerWrite } from './deletion-ledger.js';
import { prepareFunnelWrites } from './sqlite-funnel-writes.js';
import { prepareOutreachWrites } from './sqlite-outreach-writes.js';
import { prepareRenewalWrites } from './sqlite-renewals.js';
import { prepareSessionStatements } from './sqlite-session-store.js';

export function prepareForget(db: BetterSqlite3.Database): (address: Address, now: string) => void {
  const deletePerson = db.prepare<[string]>('DELETE FROM people WHERE address = ?');
  const anonymiseChecks = db.prepare<[string]>('UPDATE checks SET address = NULL WHERE address = ?');
  const joinFailures = db.prepare<[string]>('DELETE FROM join_failures WHERE address = ?');
  const joinBlocks = db.prepare<[string]>('DELETE FROM join_blocks WHERE address = ?');
  const outbox = db.prepare<[string, string]>('DELETE FROM outbox WHERE address = ? OR handoff_id IN (SELECT id FROM handoffs WHERE address = ?)');
  const sessions = prepareSessionStatements(db);
  const outreach = prepareOutreachWrites(db);
  const analytics = prepareFunnelWrites(db);
  const renewals = prepareRenewalWrites(db);
  const ledger = prepareLedgerWrite(db);
  return (address, now) => {
    deletePerson.run(address);
    sessions.remove(address);
    anonymiseChecks.run(address);
    outreach.forget(address);
    outbox.run(address, address);
    analytics.forget(address);
    renewals.forget(address);
    joinFailures.run(address);
    joinBlocks.run(address);
    ledger(address, now);
  };
}

/** Copies the WAL into the database and truncates it to zero bytes (after a deletion or a purge). */
export function checkpointAfterDeletion(db: BetterSqlite3.Database): void {
  if (db.memory || !db.open) return;
  db.pragma('wal_checkpoint(TRUNCATE)');
}
