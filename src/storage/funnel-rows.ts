/**
 * Vietnam-day bounds and the row shapes and mappers of the funnel, feedback
 * and assisted-check reads, shared by sqlite-funnel-queries.ts and
 * postgres/pg-funnel-queries.ts (only the SQL differs between the two).
 */
import { vietnamDayBounds } from '../core/calendar.js';
import type { Outcome, Track } from '../core/eligibility/types.js';
import type { AssistedCount, DayRange, FeedbackCategory, FeedbackRow, FunnelRow, FunnelStep } from '../core/funnel.js';

const FIRST_DAY = '0000-01-01';
const LAST_DAY = '9999-12-31';

/** A range of Vietnam days as inclusive text bounds; absent ends mean all. */
export function dayBounds(range: DayRange = {}): [string, string] {
  return [range.from ?? FIRST_DAY, range.to ?? LAST_DAY];
}

/** The UTC instants of the first and last moment of a range of Vietnam days (so created_at's indexes apply). */
export function utcBounds(range: DayRange = {}): [string, string] {
  const start = range.from === undefined ? FIRST_DAY : vietnamDayBounds(range.from, range.from).from;
  const end = range.to === undefined ? LAST_DAY : vietnamDayBounds(range.to, range.to).to;
  return [start, end];
}

export type FunnelSqlRow = { day: string; step: string; track: string; count: number };
export type FeedbackSqlRow = { track: string; helpful: number; category: string | null; count: number };
export type AssistedSqlRow = { track: string; outcome: string; count: number; credited: number };

/** The funnel table stores "no track" as ''. */
export const toFunnelRow = (r: FunnelSqlRow): FunnelRow => ({ day: r.day, step: r.step as FunnelStep, track: r.track === '' ? null : (r.track as Track), count: r.count });
export const toFeedbackRow = (r: FeedbackSqlRow): FeedbackRow => ({ track: r.track as Track, helpful: r.helpful === 1, category: r.category as FeedbackCategory | null, count: r.count });
export const toAssistedCount = (r: AssistedSqlRow): AssistedCount => ({ track: r.track as Track, outcome: r.outcome as Outcome, count: r.count, credited: r.credited });
