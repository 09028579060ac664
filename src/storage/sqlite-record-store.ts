/**
 * RecordStore over SQLite. `commitTurn` is one transaction: the turn's
 * writes in order, then the session row (written, or deleted when
 * `state === null`). If anything throws, nothing of the turn is kept.
 *
 * `forget` deletes the person and their session and sets `address = NULL`
 * on their checks, which stay as anonymous counts (with referrer/locality).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Address, ChannelName } from '../core/message.js';
import type { Person, RecordStore, Write } from '../core/ports.js';
import { StorageError, serialiseState } from './errors.js';
import { prepareCheckQueries } from './sqlite-check-queries.js';
import { fromPerson, prepareCheckInsert, toPerson, type PersonRow } from './sqlite-rows.js';
import { prepareSessionStatements } from './sqlite-session-store.js';
import { prepareOutreachWrites } from './sqlite-outreach-writes.js';
import { prepareRegistrationQueries } from './sqlite-registrations.js';
import { prepareFunnelWrites } from './sqlite-funnel-writes.js';
import { prepareRenewalWrites } from './sqlite-renewals.js';
import { applyPersonPatch, channelFromAddress } from './turn-rules.js';

export function createSqliteRecordStore(db: BetterSqlite3.Database): RecordStore {
  const selectPerson = db.prepare<[string], PersonRow>('SELECT * FROM people WHERE address = ?');
  const upsertPerson = db.prepare<[PersonRow]>(
    `INSERT INTO people (address, locale, consent, consent_at, referrer, locality, created_at, updated_at)
     VALUES (@address, @locale, @consent, @consent_at, @referrer, @locality, @created_at, @updated_at)
     ON CONFLICT (address) DO UPDATE SET locale = excluded.locale, consent = excluded.consent,
       consent_at = excluded.consent_at, referrer = excluded.referrer,
       locality = excluded.locality, updated_at = excluded.updated_at`,
  );
  const deletePerson = db.prepare<[string]>('DELETE FROM people WHERE address = ?');
  const anonymiseChecks = db.prepare<[string]>('UPDATE checks SET address = NULL WHERE address = ?');
  const localiseChecks = db.prepare<[string, string]>('UPDATE checks SET locality = ? WHERE address = ? AND locality IS NULL');
  const insertCheck = prepareCheckInsert(db);
  const sessions = prepareSessionStatements(db);
  const queries = prepareCheckQueries(db);
  const outreach = prepareOutreachWrites(db);
  const registrations = prepareRegistrationQueries(db);
  const analytics = prepareFunnelWrites(db);
  const renewals = prepareRenewalWrites(db);

  function getPerson(address: Address): Person | undefined {
    const row = selectPerson.get(address);
    return row === undefined ? undefined : toPerson(row);
  }

  function apply(address: Address, channel: ChannelName, write: Write, now: string): void {
    switch (write.type) {
      case 'person':
        upsertPerson.run(fromPerson(applyPersonPatch(address, getPerson(address), write.patch, now)));
        return;
      case 'check':
        if (write.assisted === true) return analytics.assistedCheck(channel, write, now);
        insertCheck.run({
          address: write.anonymous ? null : address,
          channel,
          track: write.track,
          outcome: write.outcome,
          reason: write.reason,
          referrer: write.referrer,
          locality: write.locality,
          created_at: now,
        });
        return;
      case 'forget':
        deletePerson.run(address);
        sessions.remove(address);
        anonymiseChecks.run(address);
        outreach.forget(address);
        analytics.forget(address);
        renewals.forget(address);
        return;
      case 'locality':
        upsertPerson.run(fromPerson(applyPersonPatch(address, getPerson(address), { locality: write.locality }, now)));
        localiseChecks.run(write.locality, address);
        return;
      case 'followups':
      case 'followups_cancel':
      case 'news':
      case 'registration':
        outreach.apply(address, channel, write, now);
        return;
      case 'funnel':
      case 'feedback':
        analytics.apply(write, now);
        return;
      case 'renewal_reminders':
      case 'renewal_reported':
        renewals.apply(address, channel, write, now);
        return;
      default: {
        const unknown: never = write;
        throw new StorageError('BAD_WRITE', `Unknown write ${JSON.stringify(unknown)}; add it to commitTurn in src/storage/sqlite-record-store.ts.`);
      }
    }
  }

  const commit = db.transaction(
    (address: Address, json: string | null, writes: readonly Write[], now: string) => {
      const channel = channelFromAddress(address);
      for (const write of writes) apply(address, channel, write, now);
      if (json === null) sessions.remove(address);
      else sessions.upsert(address, json, now);
    },
  );

  return {
    getPerson,
    commitTurn(address, state, writes, now) {
      const stamp = now.toISOString();
      const json = state === null ? null : serialiseState(address, state);
      commit(address, json, writes, stamp);
    },
    listChecks: (query = {}) => queries.list(query),
    countChecks: (query = {}) => queries.count(query),
    checksOf: (address) => queries.of(address),
    countRegistrations: (query = {}) => registrations.count(query),
  };
}
