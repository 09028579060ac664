/**
 * The free period's dates, pure: the last free day (registration day + the
 * program's free years, 29 Feb → 1 Mar), when each reminder is due (its day
 * at `sendAt`, Vietnam time), whether a typed registration day can be one,
 * and whether a moment is inside the sending hours.
 */
import { addDays, addYears, vietnamInstant, vietnamMoment, type IsoDate } from '../calendar.js';
import type { ProgramData } from '../program.js';
import type { RenewalSettings } from './types.js';

export const DEFAULT_RENEWAL: RenewalSettings = { daysBefore: [60, 30, 7], sendAt: '09:00', hours: { from: '08:00', to: '21:00' } };


export function renewalSettings(data: ProgramData): RenewalSettings {
  return data.renewal ?? DEFAULT_RENEWAL;
}

/** The last free day of a domain registered on `registeredOn`. */
export function freeUntilOf(registeredOn: IsoDate, data: ProgramData): IsoDate {
  return addYears(registeredOn, data.program.freeYears);
}

/** ISO UTC timestamps of the reminders still ahead of `now`, earliest first. */
export function reminderTimes(freeUntil: IsoDate, now: Date, settings: RenewalSettings): string[] {
  return [...new Set(settings.daysBefore)]
    .sort((a, b) => b - a)
    .map((days) => vietnamInstant(addDays(freeUntil, -days), settings.sendAt).toISOString())
    .filter((at) => at > now.toISOString());
}

/** Why a typed registration day cannot be one: in the future, or before the program's window opened. */
export type DateProblem = 'future' | 'before_window';

export function registrationDateProblem(date: IsoDate, today: IsoDate, data: ProgramData): DateProblem | undefined {
  if (date > today) return 'future';
  if (date < data.program.window.start) return 'before_window';
  return undefined;
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** For the follow-up job: when a renewal message may not go out now, the moment it may (else undefined). */
export function sendingHoursClosed(kind: string, now: Date, data: ProgramData): Date | undefined {
  if (kind !== 'renewal' && kind !== 'renewal_offer') return undefined;
  return outsideHours(now, renewalSettings(data).hours);
}

/**
 * Undefined when `now` is inside the sending hours (Vietnam time); else the
 * next moment they open (today's or tomorrow's `from`).
 */
export function outsideHours(now: Date, hours: RenewalSettings['hours']): Date | undefined {
  const { day, minute } = vietnamMoment(now);
  const from = minutes(hours.from);
  if (minute >= from && minute < minutes(hours.to)) return undefined;
  return vietnamInstant(minute < from ? day : addDays(day, 1), hours.from);
}
