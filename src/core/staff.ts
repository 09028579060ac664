/**
 * The staff side's ports and requests (issue #7): roles, invites, referrers.
 * Types only; SQLite implements them in src/storage/sqlite-staff-store.ts,
 * the report queries and renderers are in ./reports/types.ts.
 *
 * Admins come from configuration (ADMINS); team members and referrers from
 * storage. The engine reads no storage (issue #16): the runner looks up the
 * person's roles and the referral code they typed before `step` and passes
 * them in the turn's context (TurnContext in turn.ts).
 */
import type { Address, Locale } from './message.js';
import type { MaybePromise } from './ports.js';
import type { ExportFormat, ExportReport, Period, ReportQueries, ReportRenderers } from './reports/types.js';

export type StaffRole = 'admin' | 'team' | 'referrer';

/** What the runner looks up before a turn (TurnContext). */
export interface StaffDirectory {
  /** Roles held in storage ('team', 'referrer'); admins are not stored. */
  rolesOf(address: Address): MaybePromise<readonly ('team' | 'referrer')[]>;
  /** The stored spelling of a known, active referral code (matched without regard to case), else undefined. */
  referrerCode(code: string): MaybePromise<string | undefined>;
}

export type Referrer = {
  readonly code: string;
  readonly label: string;
  /** Set when a member registered themselves; null for a branch an admin added. */
  readonly address: Address | null;
  readonly createdAt: string;
  /** Set once the code was ended (/referrer remove): it credits no new check. */
  readonly endedAt?: string;
};

/** What /staff remove took away: every staff power of the address (issue #18). */
export type Revoked = {
  readonly team: boolean;
  /** Their referral code, now ended; null when they had none. */
  readonly referrer: Referrer | null;
};

export type TeamMember = {
  readonly address: Address;
  readonly locality: string | null;
  readonly locale: Locale;
  readonly remind: boolean;
  readonly createdAt: string;
};

export type JoinOutcome =
  | { readonly kind: 'joined'; readonly locality: string | null }
  | { readonly kind: 'already' }
  /** Wrong, used or expired code (never says which); `left` tries before the block. */
  | { readonly kind: 'invalid'; readonly left: number }
  | { readonly kind: 'blocked'; readonly until: string };

/** How a role change came about, recorded with who and when. */
export type RoleVia = 'invite' | 'chat' | 'cli';

export type NewReferrer = {
  readonly label: string;
  /** The member's own address (/referrer me); null for a branch. */
  readonly address: Address | null;
  /** Who adds it: an address, or 'cli'. */
  readonly by: string;
  readonly via: RoleVia;
  readonly now: Date;
  /** An existing printed code to keep (CLI import); generated when absent. */
  readonly code?: string;
};

/** Team, invites and referrers. Codes are generated inside (crypto), never in core. */
export interface StaffStore extends StaffDirectory {
  /** A one-time invite valid for `days` days; the plain code is returned once and stored hashed. */
  createInvite(by: Address, locality: string | null, now: Date, days: number): MaybePromise<{ code: string; expiresAt: string }>;
  /** Redeems an invite (or counts a failure: 5 in an hour block /join for an hour). */
  join(address: Address, code: string, locale: Locale, now: Date): MaybePromise<JoinOutcome>;
  /** Adds a referrer; for a member who already has a code, returns that one (`created: false`). */
  addReferrer(input: NewReferrer): MaybePromise<{ referrer: Referrer; created: boolean }>;
  referrerOf(address: Address): MaybePromise<Referrer | undefined>;
  listReferrers(): MaybePromise<Referrer[]>;
  listMembers(): MaybePromise<TeamMember[]>;
  /** Revokes every staff power of `address`: team membership and their referral code (ended). Recorded in role_changes. */
  removeMember(address: Address, by: string, via: RoleVia, now: Date): MaybePromise<Revoked>;
  /** Ends a referral code (any case): it credits no new check; its label stays for past reports. Undefined when no active code matches. */
  endReferrer(code: string, by: string, via: RoleVia, now: Date): MaybePromise<Referrer | undefined>;
  /** Opt in or out of the quarterly reminder; false when the address is not a team member. */
  setReminder(address: Address, on: boolean): MaybePromise<boolean>;
  /** Members who opted in and were not yet reminded for `quarter` ('2026-Q4'). */
  reminderRecipients(quarter: string): MaybePromise<{ address: Address; locale: Locale }[]>;
  markReminded(address: Address, quarter: string): MaybePromise<void>;
}

/** What the runner needs to answer staff requests (src/assistant.ts builds it from storage and config). */
export type StaffServices = {
  readonly store: StaffStore;
  readonly reports: ReportQueries;
  readonly render: ReportRenderers;
  /** The Telegram bot's username (TELEGRAM_BOT_USERNAME) for t.me deep links; without it only the code and the Zalo text. */
  readonly botUsername?: string;
  /** Days an invite code stays valid. */
  readonly inviteDays: number;
  /** Where the team works, for report headings ("Phường Kiến An, Thành phố Hải Phòng"). */
  readonly area: string;
  /** How a stored locality (a name, or a commune code) is shown. */
  readonly localityName: (value: string) => string;
};

/** What staff commands ask the runner to do (they need storage, crypto or rendering). */
export type StaffRequest =
  | { readonly type: 'staff_invite'; readonly locality: string | null }
  | { readonly type: 'staff_join'; readonly code: string }
  | { readonly type: 'staff_referrer_add'; readonly label: string }
  | { readonly type: 'staff_referrer_me'; readonly label: string }
  | { readonly type: 'staff_referrer_list' }
  | { readonly type: 'staff_members' }
  | { readonly type: 'staff_remove'; readonly address: Address }
  | { readonly type: 'staff_referrer_remove'; readonly code: string }
  | { readonly type: 'staff_link' }
  | { readonly type: 'staff_mystats' }
  | { readonly type: 'staff_stats'; readonly period: Period }
  | { readonly type: 'staff_export'; readonly report: ExportReport; readonly quarter: string; readonly format: ExportFormat }
  | { readonly type: 'staff_remind'; readonly on: boolean };

export const STAFF_REQUESTS: readonly StaffRequest['type'][] = [
  'staff_invite',
  'staff_join',
  'staff_referrer_add',
  'staff_referrer_me',
  'staff_referrer_list',
  'staff_members',
  'staff_remove',
  'staff_referrer_remove',
  'staff_link',
  'staff_mystats',
  'staff_stats',
  'staff_export',
  'staff_remind',
];

export function isStaffRequest(request: { readonly type: string }): request is StaffRequest {
  return (STAFF_REQUESTS as readonly string[]).includes(request.type);
}
