/**
 * RecordStore over SQLite. `commit` is one transaction: the engine's writes
 * in order, the runner's effects (staff, broadcasts, handoffs:
 * sqlite-turn-effects.ts), the turn's outbox rows, then the session row
 * (written, or deleted when `state === null`). If anything throws, nothing
 * of the turn is kept (issue #16).
 *
 * `prepareSqliteTurns(db).apply` is that transaction as a function: called
 * inside another transaction it runs as a SAVEPOINT, so several turns can
 * share one BEGIN … COMMIT and a failing one rolls back only itself.
 *
 * `forget` deletes the person and their session and sets `address = NULL`
 * on their checks, which stay as anonymous counts (with referrer/locality);
 * see sqlite-forget.ts for every row it touches and the WAL checkpoint.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Address, ChannelName } from '../core/message.js';
import type { Committed, Person, RecordStore, TurnCommit, Write } from '../core/ports.js';
import { StorageError, serialiseState } from './errors.js';
import { prepareCheckQueries } from './sqlite-check-queries.js';
import { fromPerson, prepareCheckInsert, toPerson, type PersonRow } from './sqlite-rows.js';
import { prepareSessionStatements } from './sqlite-session-store.js';
import { prepareOutreachWrites } from './sqlite-outreach-writes.js';
import { prepareRegistrationQueries } from './sqlite-registrations.js';
import { prepareFunnelWrites } from './sqlite-funnel-writes.js';
import { prepareRenewalWrites } from './sqlite-renewals.js';
import { applyPersonPatch, channelFromAddress } from './turn-rules.js';
import { checkpointAfterDeletion, prepareForget } from './sqlite-forget.js';
import { prepareTurnEffects } from './sqlite-turn-effects.js';
import { prepareOutboxWrites } from './sqlite-outbox.js';

export type SqliteTurns = {
  /** One turn, all or nothing (a transaction; a savepoint when called inside one). */
  apply<S>(turn: TurnCommit<S>): Committed;
  getPerson(address: Address): Person | undefined;
};

export function prepareSqliteTurns(db: BetterSqlite3.Database): SqliteTurns {
  const selectPerson = db.prepare<[string], PersonRow>('SELECT * FROM people WHERE address = ?');
  const upsertPerson = db.prepare<[PersonRow]>(
    `INSERT INTO people (address, locale, consent, consent_at, referrer, locality, created_at, updated_at)
     VALUES (@address, @locale, @consent, @consent_at, @referrer, @locality, @created_at, @updated_at)
     ON CONFLICT (address) DO UPDATE SET locale = excluded.locale, consent = excluded.consent,
       consent_at = excluded.consent_at, referrer = excluded.referrer,
       locality = excluded.locality, updated_at = excluded.updated_at`,
  );
  const forget = prepareForget(db);
  const localiseChecks = db.prepare<[string, string]>('UPDATE checks SET locality = ? WHERE address = ? AND locality IS NULL');
  const insertCheck = prepareCheckInsert(db);
  // An ended referral code (issue #18) credits no new check, whatever a session still remembers.
  const endedCode = db.prepare<[string], number>('SELECT 1 FROM referrers WHERE code = ? AND ended_at IS NOT NULL').pluck();
  const credited = (code: string | null): string | null => (code !== null && endedCode.get(code) !== undefined ? null : code);
  const sessions = prepareSessionStatements(db);
  const outreach = prepareOutreachWrites(db);
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
          referrer: credited(write.referrer),
          locality: write.locality,
          created_at: now,
        });
        return;
      case 'forget':
        forget(address, now);
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

  const effects = prepareTurnEffects(db);
  const outbox = prepareOutboxWrites(db);

  const applyTurn = db.transaction(<S>(turn: TurnCommit<S>): Committed => {
    const { address, now } = turn;
    const stamp = now.toISOString();
    const json = turn.state === null ? null : serialiseState(address, turn.state);
    const channel = channelFromAddress(address);
    for (const write of turn.writes) apply(address, channel, write, stamp);
    const results = turn.effects.map((effect) => effects(address, effect, now));
    const queued = (turn.messages?.(results) ?? []).map((message) => ({ ...message, id: outbox.enqueue(message, now) }));
    if (json === null) sessions.remove(address);
    else sessions.upsert(address, json, stamp);
    return { results, outbox: queued };
  });

  return { apply: (turn) => applyTurn(turn), getPerson };
}

export function createSqliteRecordStore(db: BetterSqlite3.Database): RecordStore {
  const turns = prepareSqliteTurns(db);
  const queries = prepareCheckQueries(db);
  const registrations = prepareRegistrationQueries(db);

  function commit<S>(turn: TurnCommit<S>): Committed {
    const committed = turns.apply(turn);
    // Deleted means deleted (issue #18): no older copy of the pages stays in the WAL.
    if (turn.writes.some((w) => w.type === 'forget')) checkpointAfterDeletion(db);
    return committed;
  }

  return {
    getPerson: turns.getPerson,
    commit,
    commitTurn(address, state, writes, now) {
      commit({ address, state, writes, effects: [], now });
    },
    listChecks: (query = {}) => queries.list(query),
    countChecks: (query = {}) => queries.count(query),
    checksOf: (address) => queries.of(address),
    countRegistrations: (query = {}) => registrations.count(query),
  };
}
