/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`), always in Vietnam time.
 * ISO strings of the same length compare correctly with `<` and `>`.
 */

export type IsoDate = string;

export type Clock = { now(): Date };

/** Vietnam has used UTC+7 with no daylight saving since 1975. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** An instant as the wall clock in Vietnam reads it: `YYYY-MM-DDTHH:MM:SS.sssZ`, the Z to be ignored. */
function vietnamWallClock(at: Date | string): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString();
}

export function todayInVietnam(clock: Clock): IsoDate {
  return vietnamDay(clock.now());
}

/** The Vietnam calendar day of an instant (a Date or an ISO timestamp). */
export function vietnamDay(at: Date | string): IsoDate {
  return vietnamWallClock(at).slice(0, 10);
}

/** Where an instant falls in Vietnam: its day, weekday (0 = Sunday) and minute of the day. */
export function vietnamMoment(at: Date): { day: IsoDate; weekday: number; minute: number } {
  const local = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  return { day: local.toISOString().slice(0, 10), weekday: local.getUTCDay(), minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/** The instant a Vietnam wall clock shows `time` ("HH:MM", default midnight) on `day`. */
export function vietnamInstant(day: IsoDate, time = '00:00'): Date {
  return new Date(`${day}T${time}:00+07:00`);
}

/** Inclusive UTC bounds (ISO) of Vietnam days `from`..`to`: 00:00 of the first to 23:59:59.999 of the last. */
export function vietnamDayBounds(from: IsoDate, to: IsoDate): { from: string; to: string } {
  return { from: vietnamInstant(from).toISOString(), to: new Date(vietnamInstant(addDays(to, 1)).getTime() - 1).toISOString() };
}

/** "14:05 23/11/2026": an instant in Vietnam time. */
export function formatVietnamTime(at: Date | string): string {
  const local = vietnamWallClock(at);
  return `${local.slice(11, 16)} ${formatDateVi(local.slice(0, 10))}`;
}

/** "23/11/2026": the Vietnam day of an instant. */
export function formatVietnamDate(at: Date | string): string {
  return formatDateVi(vietnamDay(at));
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Builds an ISO date, or undefined when the date does not exist (31/2, month 13). */
export function makeDate(year: number, month: number, day: number): IsoDate | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1 || year > 9999 || month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function splitDate(date: IsoDate): { year: number; month: number; day: number } {
  const [y, m, d] = date.split('-').map(Number);
  return { year: y ?? 0, month: m ?? 0, day: d ?? 0 };
}

/** True for a well-formed ISO date that exists on the calendar. */
export function isIsoDate(value: string): value is IsoDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  return makeDate(Number(match[1]), Number(match[2]), Number(match[3])) === value;
}

/**
 * The same day `years` later. 29 Feb falls on 1 Mar in a non-leap year
 * (the rule for birthdays and for an enterprise's anniversary alike).
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  const { year, month, day } = splitDate(date);
  return makeDate(year + years, month, day) ?? (makeDate(year + years, 3, 1) as IsoDate);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = splitDate(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = splitDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return makeDate(y, m, Math.min(day, daysInMonth(y, m))) as IsoDate;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const x = splitDate(a);
  const y = splitDate(b);
  return Math.round((Date.UTC(y.year, y.month - 1, y.day) - Date.UTC(x.year, x.month - 1, x.day)) / 86_400_000);
}

/** Completed years of age on `today` for someone born on `birthDate`. */
export function ageOn(birthDate: IsoDate, today: IsoDate): number {
  const born = splitDate(birthDate).year;
  const now = splitDate(today).year;
  const age = now - born;
  return addYears(birthDate, age) <= today ? age : age - 1;
}

/** Formats an ISO date the Vietnamese way: 15/03/2004. */
export function formatDateVi(date: IsoDate): string {
  const { year, month, day } = splitDate(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}
