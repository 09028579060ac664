/**
 * The /join brute-force limits and the row shapes of `referrers` and
 * `staff_members` with their mappers to the StaffStore types, shared by
 * sqlite-staff-store.ts and postgres/pg-staff-store.ts.
 */
import type { Address } from '../core/message.js';
import type { Referrer, TeamMember } from '../core/staff.js';

/** Wrong invite codes allowed per address within JOIN_WINDOW_MS before /join is blocked for JOIN_BLOCK_MS. */
export const JOIN_MAX_FAILURES = 5;
export const JOIN_WINDOW_MS = 3_600_000;
export const JOIN_BLOCK_MS = 3_600_000;

export type ReferrerRow = { code: string; label: string; address: string | null; created_at: string; ended_at?: string | null };
export type MemberRow = { address: string; locality: string | null; locale: string; remind: number; created_at: string };

export const toReferrer = (r: ReferrerRow): Referrer => ({
  code: r.code,
  label: r.label,
  address: r.address as Address | null,
  createdAt: r.created_at,
  ...(r.ended_at === null || r.ended_at === undefined ? {} : { endedAt: r.ended_at }),
});
export const toMember = (r: MemberRow): TeamMember => ({
  address: r.address as Address,
  locality: r.locality,
  locale: r.locale === 'en' ? 'en' : 'vi',
  remind: r.remind === 1,
  createdAt: r.created_at,
});
