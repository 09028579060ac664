/**
 * Row shapes of the `people` and `checks` tables and their mapping to the
 * camelCase port types, the same for SQLite and PostgreSQL (both keep ISO
 * text timestamps). Values are trusted: the schema's CHECK constraints
 * keep channel, track, outcome, consent and locale inside their enums.
 */
import type { Address, ChannelName, Locale } from '../core/message.js';
import type { CheckRecord, Consent, Person } from '../core/ports.js';
import type { Outcome, Reason, Track } from '../core/eligibility/types.js';

export type PersonRow = {
  address: string;
  locale: string;
  consent: string | null;
  consent_at: string | null;
  referrer: string | null;
  locality: string | null;
  created_at: string;
  updated_at: string;
};

export type CheckRow = {
  address: string | null;
  channel: string;
  track: string;
  outcome: string;
  reason: string;
  referrer: string | null;
  locality: string | null;
  created_at: string;
  /** Read back only (migration 004); inserts of ordinary checks leave the defaults. */
  assisted?: number;
  helper?: string | null;
};

export const CHECK_COLUMNS = 'address, channel, track, outcome, reason, referrer, locality, created_at';
/** What reads select: the inserted columns plus the assisted-mode ones (issue #11). */
export const CHECK_SELECT = `${CHECK_COLUMNS}, assisted, helper`;

export function toPerson(row: PersonRow): Person {
  return {
    address: row.address as Address,
    locale: row.locale as Locale,
    consent: row.consent as Consent | null,
    consentAt: row.consent_at,
    referrer: row.referrer,
    locality: row.locality,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function fromPerson(person: Person): PersonRow {
  return {
    address: person.address,
    locale: person.locale,
    consent: person.consent,
    consent_at: person.consentAt,
    referrer: person.referrer,
    locality: person.locality,
    created_at: person.createdAt,
    updated_at: person.updatedAt,
  };
}

export function toCheck(row: CheckRow): CheckRecord {
  return {
    address: row.address as Address | null,
    channel: row.channel as ChannelName,
    track: row.track as Track,
    outcome: row.outcome as Outcome,
    reason: row.reason as Reason,
    referrer: row.referrer,
    locality: row.locality,
    createdAt: row.created_at,
    ...(row.assisted === 1 ? { assisted: true as const, helper: (row.helper ?? null) as Address | null } : {}),
  };
}

export function fromCheck(check: CheckRecord): CheckRow {
  return {
    address: check.address,
    channel: check.channel,
    track: check.track,
    outcome: check.outcome,
    reason: check.reason,
    referrer: check.referrer,
    locality: check.locality,
    created_at: check.createdAt,
  };
}
