/**
 * Types for what happens after an eligible result: follow-up reminders,
 * news broadcasts, recorded registrations and the domain-availability port.
 * Types only; the SQLite side is src/storage/sqlite-followup-store.ts.
 */
import type { IsoDate } from './calendar.js';
import type { Track } from './eligibility/types.js';
import type { Address, ChannelName, Locale } from './message.js';
import type { CheckQuery, MaybePromise } from './ports.js';
import type { RenewalStore } from './renewal/types.js';

/** `remind`: "have you registered?" N days after opting in; `deadline`: before an enterprise's last eligible day. */
export type FollowupKind = 'remind' | 'deadline' | 'broadcast' | 'renewal' | 'renewal_offer';

export type ScheduledFollowup = {
  readonly kind: 'remind' | 'deadline';
  /** ISO UTC timestamp. */
  readonly dueAt: string;
  readonly track: Track;
  /** The enterprise's last eligible day (never a person's birth date); `deadline` kind only. */
  readonly deadline: IsoDate | null;
};

/** Writes of a turn (applied by RecordStore.commitTurn with the rest of the turn). */
export type OutreachWrite =
  | { type: 'followups'; schedule: readonly ScheduledFollowup[] }
  /** `reminders`: remind + deadline (the person registered); `all`: also queued broadcasts (/stop). */
  | { type: 'followups_cancel'; scope: 'reminders' | 'all' }
  | { type: 'news'; optIn: boolean }
  | {
      type: 'registration';
      track: Track;
      /** Only with consent: a citizen's domain name is personal data. */
      domain: string | null;
      referrer: string | null;
      locality: string | null;
      /** No consent: address stored as null. */
      anonymous: boolean;
      /** The last free day (registration day + program.freeYears, issue #22). */
      freeUntil?: IsoDate;
    };

export type RegistrationCountRow = { track: Track; referrer: string | null; locality: string | null; count: number };

export type RegistrationRecord = {
  address: Address | null;
  channel: ChannelName;
  track: Track;
  domain: string | null;
  referrer: string | null;
  locality: string | null;
  source: 'person' | 'staff';
  createdAt: string;
};

export type AudienceFilter = { readonly track?: Track; readonly locality?: string };

export type DueFollowup = {
  readonly id: number;
  readonly address: Address;
  readonly kind: FollowupKind;
  readonly track: Track | null;
  readonly deadline: IsoDate | null;
  readonly dueAt: string;
  readonly attempts: number;
  readonly locale: Locale;
  /** The announcement, for `broadcast`. */
  readonly text: string | null;
};

export type BroadcastReport = {
  readonly id: number;
  readonly createdAt: string;
  readonly track: Track | null;
  readonly locality: string | null;
  readonly recipients: number;
  readonly delivered: number;
  readonly failed: number;
  readonly pending: number;
};

export type StaffRegistration = { readonly address: Address; readonly domain: string; readonly track: Track; readonly now: Date; /** Issue #22: the last free day; with consent a `renewal_offer` follow-up is queued. */ readonly freeUntil?: IsoDate };

/** Scheduled messages, news opt-ins, broadcasts and staff-marked registrations. */
export interface FollowupStore {
  /** Pending follow-ups with `due_at <= now`, oldest first. */
  due(now: Date, limit: number): MaybePromise<DueFollowup[]>;
  markSent(id: number, now: Date): MaybePromise<void>;
  /** `retryAt` reschedules (attempts + 1); without it the follow-up is failed for good. */
  markFailed(id: number, now: Date, error: string, retryAt?: Date): MaybePromise<void>;
  /** People who opted in to news (with consent), matching the filter. */
  countAudience(filter: AudienceFilter): MaybePromise<number>;
  enqueueBroadcast(input: { text: string; filter: AudienceFilter; createdBy: Address | null; now: Date }): MaybePromise<BroadcastReport>;
  lastBroadcast(): MaybePromise<BroadcastReport | undefined>;
  /** Staff mark: the domain is kept only if that person consented; else the track alone, anonymously. */
  recordStaffRegistration(entry: StaffRegistration): MaybePromise<{ withDomain: boolean }>;
  /** What /mydata shows: pending reminders, news opt-in, registrations. */
  summaryOf(address: Address): MaybePromise<OutreachSummary>;
  /** Every registration (for exports; callers drop address and domain). */
  listRegistrations(query?: CheckQuery): MaybePromise<RegistrationRecord[]>;
  /** Moves a pending follow-up to `until` without counting an attempt (outside sending hours, or a channel's window). */
  postpone?(id: number, until: Date): MaybePromise<void>;
  /** Free periods, their counts and lists (issue #22, src/core/renewal/). */
  readonly renewals?: RenewalStore;
}

export type OutreachSummary = {
  readonly pending: readonly { kind: FollowupKind; dueAt: string }[];
  readonly news: boolean;
  readonly registrations: readonly { track: Track; domain: string | null; createdAt: string }[];
};

export type Availability = 'available' | 'taken' | 'unknown';

/** Is a domain name free? Production asks DNS (src/channels/availability); tests use a fake. */
export interface DomainAvailability {
  check(domain: string): Promise<Availability>;
}

/**
 * Requests the runner answers (they need I/O). `at` is where in the turn's
 * replies the answer goes, so the engine's closing prompt stays last.
 */
export type OutreachRequest =
  | { type: 'domain_availability'; domains: readonly string[]; at: number }
  | { type: 'broadcast_count'; filter: AudienceFilter; at: number }
  | { type: 'broadcast_send'; filter: AudienceFilter; text: string; at: number }
  | { type: 'broadcast_report'; at: number }
  | { type: 'mark_registered'; address: Address; domain: string; track: Track; at: number };

const OUTREACH_REQUESTS: readonly string[] = ['domain_availability', 'broadcast_count', 'broadcast_send', 'broadcast_report', 'mark_registered'];

export function isOutreachRequest(request: { readonly type: string }): request is OutreachRequest {
  return OUTREACH_REQUESTS.includes(request.type);
}
