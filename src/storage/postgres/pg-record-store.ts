/**
 * RecordStore over PostgreSQL (src/storage/sqlite-record-store.ts over
 * SQLite). `commitTurn` is one transaction: the turn's writes in order,
 * then the session row (written, or deleted when `state === null`). If
 * anything throws, nothing of the turn is kept.
 *
 * `forget` deletes the person and their session and sets `address = NULL`
 * on their checks, which stay as anonymous counts (with referrer/locality).
 */
import type { Address, ChannelName } from '../../core/message.js';
import type { Person, RecordStore, Write } from '../../core/ports.js';
import { StorageError, serialiseState } from '../errors.js';
import { CHECK_COLUMNS, fromPerson, toPerson, type PersonRow } from '../record-rows.js';
import { applyPersonPatch, channelFromAddress } from '../turn-rules.js';
import type { PgDatabase, Queryable } from './database.js';
import { createPgCheckQueries } from './pg-check-queries.js';
import { createPgRegistrationQueries } from './pg-registrations.js';
import { removeSession, upsertSession } from './pg-session-store.js';
import { applyRenewalWrite, forgetRenewals } from './pg-renewals.js';
import { applyAnalyticsWrite, applyOutreachWrite, forgetAnalytics, forgetOutreach, insertAssistedCheck } from './pg-turn-writes.js';

const UPSERT_PERSON = `INSERT INTO people (address, locale, consent, consent_at, referrer, locality, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT (address) DO UPDATE SET locale = excluded.locale, consent = excluded.consent,
    consent_at = excluded.consent_at, referrer = excluded.referrer,
    locality = excluded.locality, updated_at = excluded.updated_at`;

const INSERT_CHECK = `INSERT INTO checks (${CHECK_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;

async function selectPerson(db: Queryable, address: Address, lock = false): Promise<Person | undefined> {
  const rows = await db.query<PersonRow>(`SELECT * FROM people WHERE address = $1${lock ? ' FOR UPDATE' : ''}`, [address]);
  const row = rows[0];
  return row === undefined ? undefined : toPerson(row);
}

async function upsertPerson(tx: Queryable, person: Person): Promise<void> {
  const row = fromPerson(person);
  await tx.query(UPSERT_PERSON, [
    row.address,
    row.locale,
    row.consent,
    row.consent_at,
    row.referrer,
    row.locality,
    row.created_at,
    row.updated_at,
  ]);
}

async function apply(tx: Queryable, address: Address, channel: ChannelName, write: Write, now: string): Promise<void> {
  switch (write.type) {
    case 'person':
      await upsertPerson(tx, applyPersonPatch(address, await selectPerson(tx, address, true), write.patch, now));
      return;
    case 'check':
      if (write.assisted === true) return insertAssistedCheck(tx, channel, write, now);
      await tx.query(INSERT_CHECK, [
        write.anonymous ? null : address,
        channel,
        write.track,
        write.outcome,
        write.reason,
        write.referrer,
        write.locality,
        now,
      ]);
      return;
    case 'forget':
      await tx.query('DELETE FROM people WHERE address = $1', [address]);
      await removeSession(tx, address);
      await tx.query('UPDATE checks SET address = NULL WHERE address = $1', [address]);
      await forgetOutreach(tx, address);
      await forgetAnalytics(tx, address);
      await forgetRenewals(tx, address);
      return;
    case 'locality':
      await upsertPerson(tx, applyPersonPatch(address, await selectPerson(tx, address, true), { locality: write.locality }, now));
      await tx.query('UPDATE checks SET locality = $1 WHERE address = $2 AND locality IS NULL', [write.locality, address]);
      return;
    case 'followups':
    case 'followups_cancel':
    case 'news':
    case 'registration':
      await applyOutreachWrite(tx, address, channel, write, now);
      return;
    case 'funnel':
    case 'feedback':
      await applyAnalyticsWrite(tx, write, now);
      return;
    case 'renewal_reminders':
    case 'renewal_reported':
      await applyRenewalWrite(tx, address, channel, write, now);
      return;
    default: {
      const unknown: never = write;
      throw new StorageError('BAD_WRITE', `Unknown write ${JSON.stringify(unknown)}; add it to commitTurn in src/storage/postgres/pg-record-store.ts.`);
    }
  }
}

export function createPgRecordStore(db: PgDatabase): RecordStore {
  const queries = createPgCheckQueries(db);
  const registrations = createPgRegistrationQueries(db);

  return {
    getPerson: (address) => selectPerson(db, address),
    async commitTurn(address, state, writes, now) {
      const stamp = now.toISOString();
      const json = state === null ? null : serialiseState(address, state);
      const channel = channelFromAddress(address);
      // Most turns only move the conversation on: one statement is atomic by itself.
      if (writes.length === 0) {
        await (json === null ? removeSession(db, address) : upsertSession(db, address, json, stamp));
        return;
      }
      await db.transaction(async (tx) => {
        for (const write of writes) await apply(tx, address, channel, write, stamp);
        if (json === null) await removeSession(tx, address);
        else await upsertSession(tx, address, json, stamp);
      });
    },
    listChecks: (query = {}) => queries.list(query),
    countChecks: (query = {}) => queries.count(query),
    checksOf: (address) => queries.of(address),
    countRegistrations: (query = {}) => registrations.count(query),
  };
}
