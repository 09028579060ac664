/**
 * RecordStore over PostgreSQL (src/storage/sqlite-record-store.ts over
 * SQLite). `commit` is one transaction: the engine's writes in order, the
 * runner's effects (pg-turn-effects.ts), the turn's outbox rows, then the
 * session row (written, or deleted when `state === null`). If anything
 * throws, nothing of the turn is kept (issue #16). `applyPgTurn(tx, turn)`
 * is that work on a given transaction (several turns may share one, each
 * inside a SAVEPOINT).
 *
 * `forget` deletes the person and their session and sets `address = NULL`
 * on their checks, which stay as anonymous counts (with referrer/locality).
 */
import type { Address, ChannelName } from '../../core/message.js';
import type { Committed, Person, RecordStore, TurnCommit, Write } from '../../core/ports.js';
import type { QueuedMessage } from '../../core/effects.js';
import { StorageError, serialiseState } from '../errors.js';
import { CHECK_COLUMNS, fromPerson, toPerson, type PersonRow } from '../record-rows.js';
import { applyPersonPatch, channelFromAddress } from '../turn-rules.js';
import { ledgerHash, newLedgerSalt } from '../deletion-ledger.js';
import type { PgDatabase, Queryable } from './database.js';
import { createPgCheckQueries } from './pg-check-queries.js';
import { createPgRegistrationQueries } from './pg-registrations.js';
import { removeSession, upsertSession } from './pg-session-store.js';
import { applyRenewalWrite, forgetRenewals } from './pg-renewals.js';
import { applyAnalyticsWrite, applyOutreachWrite, forgetAnalytics, forgetOutreach, insertAssistedCheck } from './pg-turn-writes.js';
import { applyPgEffect } from './pg-turn-effects.js';
import { pgEnqueueTurnMessage } from './coordination.js';

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

/** An ended referral code (issue #18) credits no new check, whatever a session still remembers. */
async function credited(tx: Queryable, code: string | null): Promise<string | null> {
  if (code === null) return null;
  const ended = await tx.query('SELECT 1 FROM referrers WHERE lower(code) = lower($1) AND ended_at IS NOT NULL', [code]);
  return ended.length > 0 ? null : code;
}

/** The deletion ledger: a salted hash and the date, never the address (src/storage/deletion-ledger.ts). */
async function recordDeletion(tx: Queryable, address: Address, now: string): Promise<void> {
  await tx.query('INSERT INTO ledger_salt (id, salt) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [newLedgerSalt()]);
  const [row] = await tx.query<{ salt: string }>('SELECT salt FROM ledger_salt WHERE id = 1');
  if (row === undefined) return;
  await tx.query('INSERT INTO deletion_ledger (hash, deleted_at) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING', [ledgerHash(row.salt, address), now]);
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
        await credited(tx, write.referrer),
        write.locality,
        now,
      ]);
      return;
    case 'forget':
      await tx.query('DELETE FROM people WHERE address = $1', [address]);
      await removeSession(tx, address);
      await tx.query('UPDATE checks SET address = NULL WHERE address = $1', [address]);
      await forgetOutreach(tx, address);
      // Messages waiting for them, or forwarding their question (before their handoffs go).
      await tx.query('DELETE FROM outbox WHERE address = $1 OR handoff_id IN (SELECT id FROM handoffs WHERE address = $1)', [address]);
      await forgetAnalytics(tx, address);
      await forgetRenewals(tx, address);
      // Issue #18, as on SQLite (sqlite-forget.ts): /join attempts, queued messages, and the ledger's salted hash.
      await tx.query('DELETE FROM join_failures WHERE address = $1', [address]);
      await tx.query('DELETE FROM join_blocks WHERE address = $1', [address]);
      await recordDeletion(tx, address, now);
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

/** One turn on `tx`: the engine's writes, the effects, the outbox rows, the session. */
export async function applyPgTurn<S>(tx: Queryable, turn: TurnCommit<S>): Promise<Committed> {
  const { address, now } = turn;
  const stamp = now.toISOString();
  const json = turn.state === null ? null : serialiseState(address, turn.state);
  const channel = channelFromAddress(address);
  for (const write of turn.writes) await apply(tx, address, channel, write, stamp);
  const results = [];
  for (const effect of turn.effects) results.push(await applyPgEffect(tx, address, effect, now));
  const outbox: QueuedMessage[] = [];
  for (const message of turn.messages?.(results) ?? []) outbox.push({ ...message, id: await pgEnqueueTurnMessage(tx, message, now) });
  if (json === null) await removeSession(tx, address);
  else await upsertSession(tx, address, json, stamp);
  return { results, outbox };
}

export function createPgRecordStore(db: PgDatabase): RecordStore {
  const queries = createPgCheckQueries(db);
  const registrations = createPgRegistrationQueries(db);

  function commit<S>(turn: TurnCommit<S>): Promise<Committed> {
    // Most turns only move the conversation on: one statement is atomic by itself.
    if (turn.writes.length === 0 && turn.effects.length === 0 && turn.messages === undefined) {
      const json = turn.state === null ? null : serialiseState(turn.address, turn.state);
      channelFromAddress(turn.address);
      const done = json === null ? removeSession(db, turn.address) : upsertSession(db, turn.address, json, turn.now.toISOString());
      return done.then(() => ({ results: [], outbox: [] }));
    }
    return db.transaction((tx) => applyPgTurn(tx, turn));
  }

  return {
    getPerson: (address) => selectPerson(db, address),
    commit,
    async commitTurn(address, state, writes, now) {
      await commit({ address, state, writes, effects: [], now });
    },
    listChecks: (query = {}) => queries.list(query),
    countChecks: (query = {}) => queries.count(query),
    checksOf: (address) => queries.of(address),
    countRegistrations: (query = {}) => registrations.count(query),
  };
}
