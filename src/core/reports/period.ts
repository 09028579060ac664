/**
 * Report periods in Vietnam time: calendar quarters ('2026-Q4'), this week,
 * this month, or two dates; their UTC bounds for `created_at`; and the
 * quarterly deadline of the ward plan (before the 10th of the quarter's last
 * month) with the reminder three days before it.
 */
import { addDays, daysBetween, daysInMonth, isIsoDate, makeDate, splitDate, vietnamDayBounds, type IsoDate } from '../calendar.js';
import type { Bounds, Period } from './types.js';
import { foldKeepCase, foldToAscii } from '../fold.js';

export type Quarter = { readonly year: number; readonly q: 1 | 2 | 3 | 4 };

/** Days before the deadline when opted-in team members are reminded. */
export const REMINDER_DAYS_BEFORE = 3;
/** The report is due before this day of the quarter's last month. */
export const DEADLINE_DAY = 10;

export function quarterOf(date: IsoDate): Quarter {
  const { year, month } = splitDate(date);
  return { year, q: (Math.floor((month - 1) / 3) + 1) as Quarter['q'] };
}

export function quarterId(quarter: Quarter): string {
  return `${quarter.year}-Q${quarter.q}`;
}

const QUARTER_FORMS = [/^(\d{4})\s*[-/ ]?\s*q([1-4])$/i, /^q([1-4])\s*[-/ ]?\s*(\d{4})$/i, /^(\d{4})\s*[-/ ]?\s*quy\s*([1-4])$/i];

/** '2026-Q4', '2026Q4', 'Q4-2026', 'q4/2026', '2026 quy 4'. */
export function parseQuarter(text: string): Quarter | undefined {
  const value = foldKeepCase(text.trim());
  for (const [index, form] of QUARTER_FORMS.entries()) {
    const match = form.exec(value);
    if (!match) continue;
    const year = Number(index === 1 ? match[2] : match[1]);
    const q = Number(index === 1 ? match[1] : match[2]) as Quarter['q'];
    if (year >= 2000 && year <= 2100) return { year, q };
  }
  return undefined;
}

export function quarterPeriod(quarter: Quarter): Period {
  const lastMonth = quarter.q * 3;
  return {
    kind: 'quarter',
    from: makeDate(quarter.year, lastMonth - 2, 1) as IsoDate,
    to: makeDate(quarter.year, lastMonth, daysInMonth(quarter.year, lastMonth)) as IsoDate,
    quarter: quarterId(quarter),
  };
}

/** Monday of the week `date` falls in. */
export function weekStart(date: IsoDate): IsoDate {
  const { year, month, day } = splitDate(date);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

function parseDay(text: string): IsoDate | undefined {
  if (isIsoDate(text)) return text;
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  return match ? makeDate(Number(match[3]), Number(match[2]), Number(match[1])) : undefined;
}

const WEEK = new Set(['week', 'tuan', 'w']);
const MONTH = new Set(['month', 'thang', 'm']);
const QUARTER = new Set(['quarter', 'quy', 'q']);

/**
 * `/stats` arguments: none (this quarter), a quarter, week | month | quarter
 * (this one, to today), or two dates. Undefined when they say none of these.
 */
export function parsePeriod(args: string, today: IsoDate): Period | undefined {
  const words = foldToAscii(args.trim()).split(/\s+/).filter((w) => w !== '');
  if (words.length === 0 || (words.length === 1 && QUARTER.has(words[0] ?? ''))) return quarterPeriod(quarterOf(today));
  const joined = words.join(' ');
  const quarter = parseQuarter(joined);
  if (quarter) return quarterPeriod(quarter);
  if (words.length === 1 && WEEK.has(joined)) return { kind: 'week', from: weekStart(today), to: today };
  if (words.length === 1 && MONTH.has(joined)) return { kind: 'month', from: `${today.slice(0, 8)}01`, to: today };
  const [first, second] = words.length === 2 ? words : words.length === 3 && ['-', 'den', 'to'].includes(words[1] ?? '') ? [words[0], words[2]] : [];
  const from = first === undefined ? undefined : parseDay(first);
  const to = second === undefined ? undefined : parseDay(second);
  if (from === undefined || to === undefined || from > to || daysBetween(from, to) > 3660) return undefined;
  return { kind: 'range', from, to };
}

/** Inclusive UTC bounds: from 00:00 of `from` to 23:59:59.999 of `to`, Vietnam time (UTC+7). */
export function boundsOf(period: Pick<Period, 'from' | 'to'>): Bounds {
  return vietnamDayBounds(period.from, period.to);
}

/** The team's report is due before the 10th of the quarter's last month. */
export function reportDeadline(quarter: Quarter): IsoDate {
  return makeDate(quarter.year, quarter.q * 3, DEADLINE_DAY) as IsoDate;
}

export function reminderDate(quarter: Quarter): IsoDate {
  return addDays(reportDeadline(quarter), -REMINDER_DAYS_BEFORE);
}

/**
 * The quarter whose reminder is due on `today`: from the reminder day until
 * the day before the deadline (so a bot that was down on the 7th still
 * reminds on the 8th or 9th); undefined on every other day.
 */
export function reminderDue(today: IsoDate): Quarter | undefined {
  const quarter = quarterOf(today);
  return reminderDate(quarter) <= today && today < reportDeadline(quarter) ? quarter : undefined;
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** 'Quý IV/2026' — the way the ward's reports name a quarter. */
export function quarterLabelVi(quarter: Quarter): string {
  return `Quý ${ROMAN[quarter.q - 1] ?? String(quarter.q)}/${quarter.year}`;
}
