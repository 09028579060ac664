/**
 * The report's GROUP BY rows and how they fold into StatsRows and
 * Candidates, for both ReportQueries: sqlite-report-queries.ts and
 * postgres/pg-report-queries.ts (same maps, same insertion order, so the
 * same row order when the SQL rows come in the same order).
 */
import type { ChannelName } from '../core/message.js';
import type { Outcome, Reason, Track } from '../core/eligibility/types.js';
import type { Candidate, KeyedCount, ReasonCount, StatsRows, WeeklyCount } from '../core/reports/types.js';

/** One pass gives track × outcome, reason, channel and week (a few hundred groups). */
export type MixRow = { week: string; channel: string; track: string; outcome: string; reason: string; count: number };
/** Per locality/referrer: enough sums to rebuild every track × outcome cell without sorting by them. */
export type SumRow = { key: string | null; n: number; idvn: number; idvn_el: number; idvn_ne: number; biz_el: number; biz_ne: number };
/** A consented person's latest eligible check on a track. */
export type CandidateRow = { address: string; channel: string; track: string; reason: string; locality: string | null; referrer: string | null; checked_at: string };

export function fromSums(r: SumRow): KeyedCount[] {
  const cells: [Track, Outcome, number][] = [
    ['id.vn', 'eligible', r.idvn_el],
    ['id.vn', 'not_eligible', r.idvn_ne],
    ['id.vn', 'undetermined', r.idvn - r.idvn_el - r.idvn_ne],
    ['biz.vn', 'eligible', r.biz_el],
    ['biz.vn', 'not_eligible', r.biz_ne],
    ['biz.vn', 'undetermined', r.n - r.idvn - r.biz_el - r.biz_ne],
  ];
  return cells.filter(([, , count]) => count > 0).map(([track, outcome, count]) => ({ key: r.key, track, outcome, count }));
}

function add<K>(map: Map<K, number>, key: K, count: number): void {
  map.set(key, (map.get(key) ?? 0) + count);
}

/** Folds the (week, channel, track, outcome, reason) groups into four breakdowns. */
export function fromMix(rows: readonly MixRow[]): Pick<StatsRows, 'byTrack' | 'byReason' | 'byChannel' | 'byWeek'> {
  const track = new Map<string, number>();
  const reason = new Map<string, number>();
  const channel = new Map<string, number>();
  const weeks = new Map<string, WeeklyCount>();
  for (const r of rows) {
    add(track, `${r.track}|${r.outcome}`, r.count);
    add(reason, `${r.track}|${r.reason}`, r.count);
    add(channel, `${r.channel}|${r.track}|${r.outcome}`, r.count);
    const key = `${r.week}|${r.track}`;
    const week = weeks.get(key) ?? { week: r.week, track: r.track as Track, checks: 0, eligible: 0 };
    weeks.set(key, { ...week, checks: week.checks + r.count, eligible: week.eligible + (r.outcome === 'eligible' ? r.count : 0) });
  }
  const split = (key: string) => key.split('|');
  return {
    byTrack: [...track].map(([k, count]) => {
      const [t, o] = split(k);
      return { key: null, track: t as Track, outcome: o as Outcome, count };
    }),
    byReason: [...reason].map(([k, count]): ReasonCount => {
      const [t, why] = split(k);
      return { track: t as Track, reason: why as Reason, count };
    }),
    byChannel: [...channel].map(([k, count]) => {
      const [c, t, o] = split(k);
      return { key: c ?? null, track: t as Track, outcome: o as Outcome, count };
    }),
    byWeek: [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week) || a.track.localeCompare(b.track)),
  };
}

export function toCandidate(r: CandidateRow): Candidate {
  return {
    address: r.address,
    channel: r.channel as ChannelName,
    track: r.track as Track,
    reason: r.reason as Reason,
    locality: r.locality,
    referrer: r.referrer,
    checkedAt: r.checked_at,
  };
}
