/**
 * Row shapes, row → port mappers and dialect-free SQL fragments of the
 * outreach tables (followups, broadcasts, registrations), shared by the
 * SQLite stores (sqlite-followup-store.ts, sqlite-outreach-writes.ts,
 * sqlite-registrations.ts) and their PostgreSQL ports (postgres/pg-*.ts).
 */
import { foldToAscii } from '../core/domain-name/fold.js';
import type { Track } from '../core/eligibility/types.js';
import type { Address, ChannelName, Locale } from '../core/message.js';
import type {
  BroadcastReport,
  DueFollowup,
  FollowupKind,
  OutreachWrite,
  RegistrationCountRow,
  RegistrationRecord,
} from '../core/outreach.js';

/** A follow-up not yet sent, failed or cancelled. */
export const PENDING = 'sent_at IS NULL AND failed_at IS NULL AND cancelled_at IS NULL';
/** PENDING for `followups f`. */
export const PENDING_F = 'f.sent_at IS NULL AND f.failed_at IS NULL AND f.cancelled_at IS NULL';

export type DueRow = {
  id: number; address: string; kind: string; track: string | null; deadline: string | null;
  due_at: string; attempts: number; locale: string; text: string | null;
};
export type BroadcastReportRow = {
  id: number; created_at: string; track: string | null; locality: string | null;
  recipients: number; delivered: number; failed: number; pending: number;
};

export const toDueFollowup = (r: DueRow): DueFollowup => ({
  id: r.id, address: r.address as Address, kind: r.kind as FollowupKind, track: r.track as Track | null,
  deadline: r.deadline, dueAt: r.due_at, attempts: r.attempts, locale: r.locale as Locale, text: r.text,
});

export const toBroadcastReport = (row: BroadcastReportRow): BroadcastReport => ({
  id: row.id, createdAt: row.created_at, track: row.track as Track | null, locality: row.locality,
  recipients: row.recipients, delivered: row.delivered, failed: row.failed, pending: row.pending,
});

/** Audience filter on locality: the same name without regard to accents, case or spacing. */
export function sameLocality(a: string | null, b: string): boolean {
  return a !== null && foldToAscii(a).replace(/\s+/g, ' ').trim() === foldToAscii(b).replace(/\s+/g, ' ').trim();
}

export type RegistrationRow = {
  address: string | null;
  channel: string;
  track: string;
  domain: string | null;
  referrer: string | null;
  locality: string | null;
  source: string;
  created_at: string;
};
export type RegistrationCountSqlRow = { track: string; referrer: string | null; locality: string | null; count: number };

export const toRegistration = (r: RegistrationRow): RegistrationRecord => ({
  address: r.address as Address | null,
  channel: r.channel as ChannelName,
  track: r.track as Track,
  domain: r.domain,
  referrer: r.referrer,
  locality: r.locality,
  source: r.source as 'person' | 'staff',
  createdAt: r.created_at,
});

export const toRegistrationCount = (r: RegistrationCountSqlRow): RegistrationCountRow => ({
  track: r.track as Track,
  referrer: r.referrer,
  locality: r.locality,
  count: r.count,
});

/** A person's own registration: address, channel, track, domain, referrer, locality, created_at, free_until (source 'person'). */
export function personRegistrationValues(
  address: Address,
  channel: ChannelName,
  write: Extract<OutreachWrite, { type: 'registration' }>,
  now: string,
): [string | null, string, string, string | null, string | null, string | null, string, string | null] {
  return [
    write.anonymous ? null : address,
    channel,
    write.track,
    write.anonymous ? null : write.domain,
    write.referrer,
    write.locality,
    now,
    write.freeUntil ?? null,
  ];
}
