import type { Clock } from '../../src/core/calendar.js';

/** A clock that always says `iso` (e.g. "2026-11-23T09:00:00+07:00"); `set` moves it. */
export function fixedClock(iso: string): Clock & { set(next: string): void; advanceDays(days: number): void } {
  let at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`fixedClock("${iso}") is not a date; use an ISO timestamp.`);
  return {
    now: () => new Date(at),
    set(next) {
      at = new Date(next);
    },
    advanceDays(days) {
      at = new Date(at.getTime() + days * 86_400_000);
    },
  };
}
