/**
 * The program period (RULES.md "Program period"). The window comes from data/program.json
 * (default 2023-06-01..2030-12-31); outside it the bot says the offer is not open instead of
 * checking eligibility.
 */
import type { IsoDate } from '../calendar.js';
import type { CheckResult, ProgramWindow, Track } from './types.js';

/** True when `today` is within the window, both ends included. */
export function isProgramOpen(window: ProgramWindow, today: IsoDate): boolean {
  return window.start <= today && today <= window.end;
}

/** The answer for any track while the program is not open. */
export function programNotOpen(track: Track): CheckResult {
  return { track, outcome: 'not_eligible', reason: 'program_not_open' };
}
