/**
 * Folding GROUP BY rows (track × outcome × key) into the tallies the tables
 * show: checks, eligible, not eligible, undetermined. The rows are already
 * counted by SQL; this only adds up a few hundred of them.
 */
import { TRACKS, type Outcome, type Track } from '../eligibility/types.js';
import type { KeyedCount } from './types.js';

export type Tally = { checks: number; eligible: number; notEligible: number; undetermined: number };

export function emptyTally(): Tally {
  return { checks: 0, eligible: 0, notEligible: 0, undetermined: 0 };
}

export function addCount(tally: Tally, outcome: Outcome, count: number): void {
  tally.checks += count;
  if (outcome === 'eligible') tally.eligible += count;
  else if (outcome === 'not_eligible') tally.notEligible += count;
  else tally.undetermined += count;
}

export function sumTallies(tallies: Iterable<Tally>): Tally {
  const total = emptyTally();
  for (const t of tallies) {
    total.checks += t.checks;
    total.eligible += t.eligible;
    total.notEligible += t.notEligible;
    total.undetermined += t.undetermined;
  }
  return total;
}

/** Per track (both tracks always present). */
export function byTrack(rows: readonly Pick<KeyedCount, 'track' | 'outcome' | 'count'>[]): Record<Track, Tally> {
  const result = { 'id.vn': emptyTally(), 'biz.vn': emptyTally() } satisfies Record<Track, Tally>;
  for (const row of rows) addCount(result[row.track], row.outcome, row.count);
  return result;
}

export type KeyedTally = { readonly key: string | null; readonly all: Tally; readonly tracks: Record<Track, Tally> };

/** Per key, biggest first (by checks, then key); null (nothing recorded) last. */
export function byKey(rows: readonly KeyedCount[]): KeyedTally[] {
  const map = new Map<string | null, KeyedTally>();
  for (const row of rows) {
    let entry = map.get(row.key);
    if (entry === undefined) {
      entry = { key: row.key, all: emptyTally(), tracks: { 'id.vn': emptyTally(), 'biz.vn': emptyTally() } };
      map.set(row.key, entry);
    }
    addCount(entry.all, row.outcome, row.count);
    addCount(entry.tracks[row.track], row.outcome, row.count);
  }
  return [...map.values()].sort((a, b) => {
    if ((a.key === null) !== (b.key === null)) return a.key === null ? 1 : -1;
    return b.all.checks - a.all.checks || String(a.key).localeCompare(String(b.key));
  });
}

export { TRACKS };
