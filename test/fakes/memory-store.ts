/**
 * MemoryStore: a working in-memory SessionStore + RecordStore with the
 * SQLite store's semantics (the contract suites in test/storage run both):
 * sessions round-trip through JSON, commitTurn is all-or-nothing, the
 * schema's enum checks are enforced, forget anonymises checks.
 */
import type { Address } from '../../src/core/message.js';
import type { CheckQuery, CheckRecord, CountRow, Person, RecordStore, SessionStore, Write } from '../../src/core/ports.js';
import { TRACKS } from '../../src/core/eligibility/types.js';
import { assertCheckQuery } from '../../src/storage/check-query.js';
import { StorageError, serialiseState } from '../../src/storage/errors.js';
import { parseState } from '../../src/storage/sqlite-session-store.js';
import { applyPersonPatch, channelFromAddress } from '../../src/storage/turn-rules.js';
import { createMemoryOutreach } from './memory-outreach.js';

export type MemoryStore<S> = { sessions: SessionStore<S>; records: RecordStore };

const OUTCOMES: readonly string[] = ['eligible', 'not_eligible', 'undetermined'];
const REASON_SHAPE = /^[a-z0-9_]{1,64}$/;

function constraint(what: string): StorageError {
  return new StorageError('BAD_WRITE', `CHECK constraint failed: ${what}`);
}

function assertValidCheck(check: CheckRecord): void {
  if (!(TRACKS as readonly string[]).includes(check.track)) throw constraint(`track "${check.track}"`);
  if (!OUTCOMES.includes(check.outcome)) throw constraint(`outcome "${check.outcome}"`);
  if (!REASON_SHAPE.test(check.reason)) throw constraint(`reason "${check.reason}"`);
}

function assertValidPerson(person: Person): void {
  if (person.locale !== 'vi' && person.locale !== 'en') throw constraint(`locale "${person.locale}"`);
  if (person.consent !== null && person.consent !== 'granted' && person.consent !== 'declined') {
    throw constraint(`consent "${String(person.consent)}"`);
  }
}

function matches(check: CheckRecord, query: CheckQuery): boolean {
  return (
    (query.from === undefined || check.createdAt >= query.from) &&
    (query.to === undefined || check.createdAt <= query.to) &&
    (query.track === undefined || check.track === query.track) &&
    (query.channel === undefined || check.channel === query.channel)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function createMemoryStore<S>(): MemoryStore<S> {
  let sessionRows = new Map<Address, string>();
  let people = new Map<Address, Person>();
  // Insertion order is id order; a stable sort by createdAt gives ORDER BY created_at, id.
  let checks: CheckRecord[] = [];
  const outreach = createMemoryOutreach();
  /** Funnel and feedback writes as given (the SQLite store aggregates them; reads are SQLite-only). */
  let analytics: Write[] = [];

  function apply(address: Address, write: Write, now: string): void {
    switch (write.type) {
      case 'person': {
        const person = applyPersonPatch(address, people.get(address), write.patch, now);
        assertValidPerson(person);
        people.set(address, person);
        return;
      }
      case 'check': {
        const check: CheckRecord = {
          address: write.anonymous || write.assisted === true ? null : address,
          channel: channelFromAddress(address),
          track: write.track,
          outcome: write.outcome,
          reason: write.reason,
          referrer: write.referrer,
          locality: write.locality,
          createdAt: now,
          // Assisted (issue #11): no referrers here, so a credited helper is kept as `helper`.
          ...(write.assisted === true ? { assisted: true as const, helper: write.helper ?? null } : {}),
        };
        assertValidCheck(check);
        checks.push(check);
        return;
      }
      case 'forget':
        people.delete(address);
        sessionRows.delete(address);
        checks = checks.map((check) => (check.address === address ? { ...check, address: null } : check.helper === address ? { ...check, helper: null } : check));
        outreach.forget(address);
        return;
      case 'locality': {
        const person = applyPersonPatch(address, people.get(address), { locality: write.locality }, now);
        assertValidPerson(person);
        people.set(address, person);
        checks = checks.map((check) => (check.address === address && check.locality === null ? { ...check, locality: write.locality } : check));
        return;
      }
      case 'followups':
      case 'followups_cancel':
      case 'news':
      case 'registration':
        outreach.apply(address, write, now);
        return;
      case 'funnel':
      case 'feedback':
        analytics.push(write);
        return;
      case 'renewal_reminders':
      case 'renewal_reported':
        // Issue #22's rows live in SQLite / PostgreSQL only; the memory fake keeps none.
        return;
      default: {
        const unknown: never = write;
        throw new StorageError('BAD_WRITE', `Unknown write ${JSON.stringify(unknown)}`);
      }
    }
  }

  const sessions: SessionStore<S> = {
    read: (address) => parseState<S>(sessionRows.get(address)),
    write: (address, state) => void sessionRows.set(address, serialiseState(address, state)),
    delete: (address) => void sessionRows.delete(address),
  };

  const sorted = (rows: CheckRecord[]): CheckRecord[] =>
    rows.map((check) => ({ ...check })).sort((a, b) => compare(a.createdAt, b.createdAt));

  const records: RecordStore = {
    getPerson: (address) => {
      const person = people.get(address);
      return person === undefined ? undefined : { ...person };
    },
    commit(turn) {
      // The runner's effects and outbox live in SQLite / PostgreSQL only (their own tests); the memory fake takes none.
      if (turn.effects.length > 0 || turn.messages !== undefined) throw new StorageError('BAD_WRITE', 'The memory store keeps no staff, broadcast or handoff rows.');
      records.commitTurn(turn.address, turn.state, turn.writes, turn.now);
      return { results: [], outbox: [] };
    },
    commitTurn(address, state, writes, now) {
      const stamp = now.toISOString();
      const json = state === null ? null : serialiseState(address, state);
      const before = { sessionRows: new Map(sessionRows), people: new Map(people), checks: [...checks], analytics: [...analytics] };
      const outreachBefore = outreach.snapshot();
      try {
        channelFromAddress(address);
        for (const write of writes) apply(address, write, stamp);
        if (json === null) sessionRows.delete(address);
        else sessionRows.set(address, json);
      } catch (error) {
        ({ sessionRows, people, checks, analytics } = before);
        outreach.restore(outreachBefore);
        throw error;
      }
    },
    listChecks(query = {}) {
      assertCheckQuery(query);
      return sorted(checks.filter((check) => matches(check, query)));
    },
    countChecks(query = {}) {
      assertCheckQuery(query);
      const counts = new Map<string, CountRow>();
      for (const check of checks) {
        if (!matches(check, query)) continue;
        const key = `${check.track}\u0000${check.outcome}`;
        const row = counts.get(key) ?? { track: check.track, outcome: check.outcome, count: 0 };
        row.count += 1;
        counts.set(key, row);
      }
      return [...counts.values()].sort((a, b) => compare(a.track, b.track) || compare(a.outcome, b.outcome));
    },
    checksOf: (address) => sorted(checks.filter((check) => check.address === address)),
    countRegistrations: (query = {}) => outreach.countRegistrations(query),
  };

  return { sessions, records };
}
