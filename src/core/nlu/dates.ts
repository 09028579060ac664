/**
 * Date mentions in canonical text, day-first as Vietnamese write them: 12/03/2004, 15-03-2004,
 * 15.3.04, 2004-03-15, "ngay 5 thang 3 nam 2004", "5 thang 3 nam ngoai", "10/3" (no year),
 * "thang 3/2004" (no day), "hom qua". Two-digit years are 20yy when that is not after this
 * year, else 19yy. A day+month without a year is the latest such day not after `today`.
 * Dates that do not exist (31/02/2004, month 13) are reported as impossible, never guessed.
 */
import { addDays, makeDate, splitDate, type IsoDate } from '../calendar.js';

export type DateMention = {
  /** The folded text of the mention, as typed ("31/02/2004"). */
  raw: string;
  /** Offset and length of the mention in `padded`. */
  at: number;
  length: number;
  /** Known parts: a full date has all three; "thang 3 nam 2004" has no day. */
  day?: number;
  month?: number;
  year?: number;
  /** The calendar date when day, month and year are known and valid. */
  date?: IsoDate;
  /** True when the parts are known but form no calendar date. */
  impossible: boolean;
  /** The year was not written ("10/3"): it is the latest such day not after today. */
  inferredYear?: boolean;
  /** "hom nay", "hom qua": a date only when the context says what happened that day. */
  relative?: boolean;
};

const words = (source: string): RegExp => new RegExp(`(?<= )(?:${source})(?= )`, 'g');

const NUMERIC_DMY = words(String.raw`(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})`);
const ISO_YMD = words(String.raw`(\d{4})-(\d{1,2})-(\d{1,2})`);
const WORDY_DMY = words(
  String.raw`(?:(?:ngay|mung) )?(\d{1,2}) thang (\d{1,2})(?: (?:nam )?(\d{4}|\d{2})| nam (nay|ngoai|truoc|roi|kia))?`,
);
const DAY_OF_RELATIVE_MONTH = words(String.raw`(?:ngay|mung) (\d{1,2}) (?:cua )?thang (nay|truoc)`);
const NUMERIC_DM = words(String.raw`(?:ngay |mung )?(\d{1,2})[/.-](\d{1,2})`);
const MONTH_SLASH_YEAR = words(String.raw`(?:thang )?(\d{1,2})[/.-](\d{4})`);
const MONTH_WORD_YEAR = words(String.raw`thang (\d{1,2}) (?:nam )?(\d{4})`);
const MONTH_RELATIVE_YEAR = words(String.raw`thang (\d{1,2}) nam (nay|ngoai|truoc|roi|kia)`);
const RELATIVE_DAY = words(String.raw`hom (nay|qua|kia)`);

const HAS_DIGIT = /\d/;
const YEAR_OFFSET: Readonly<Record<string, number>> = { nay: 0, ngoai: -1, truoc: -1, roi: -1, kia: -2 };
const DAY_OFFSET: Readonly<Record<string, number>> = { nay: 0, qua: -1, kia: -2 };

/** 2-digit years: 20yy unless that is after this year, then 19yy. */
export function expandYear(year: string, today: IsoDate): number {
  const value = Number(year);
  if (year.length > 2) return value;
  const thisYear = splitDate(today).year;
  return 2000 + value <= thisYear ? 2000 + value : 1900 + value;
}

/** What a pattern found; `findDates` adds where it is. */
type Found = Omit<DateMention, 'at' | 'length'>;

function full(raw: string, day: number, month: number, year: number): Found {
  const date = makeDate(year, month, day);
  return date === undefined ? { raw, day, month, year, impossible: true } : { raw, day, month, year, date, impossible: false };
}

/** Day + month with no year: the latest such date that is not after `today`. */
function latestPast(raw: string, day: number, month: number, today: IsoDate): Found {
  const thisYear = splitDate(today).year;
  const candidate = makeDate(thisYear, month, day);
  if (candidate === undefined && makeDate(2000, month, day) === undefined) return { raw, day, month, impossible: true };
  let year = candidate !== undefined && candidate <= today ? thisYear : thisYear - 1;
  // "29/2" with no year: the latest 29 February that happened (a leap year), never "not on the calendar".
  while (makeDate(year, month, day) === undefined && year > thisYear - 8) year -= 1;
  return { ...full(raw, day, month, year), inferredYear: true };
}

const overlaps = (found: readonly DateMention[], at: number, length: number): boolean =>
  found.some((m) => at < m.at + m.length && m.at < at + length);

/** What a rule reads a match against: today and its year and month. */
type Today = { readonly today: IsoDate; readonly thisYear: number; readonly thisMonth: number };
type Rule = readonly [RegExp, (m: RegExpExecArray, raw: string, at: Today) => Found | undefined];

const relativeYear = (word: string | undefined, at: Today): number => at.thisYear + (YEAR_OFFSET[word ?? ''] ?? 0);
const monthOnly = (raw: string, month: number, year: number): Found | undefined =>
  month >= 1 && month <= 12 ? { raw, month, year, impossible: false } : undefined;

/** In order: a span taken by an earlier rule is not read again. Built once (no closures per message). */
const RULES: readonly Rule[] = [
  [ISO_YMD, (m, raw) => full(raw, Number(m[3]), Number(m[2]), Number(m[1]))],
  [NUMERIC_DMY, (m, raw, at) => full(raw, Number(m[1]), Number(m[2]), expandYear(m[3] ?? '', at.today))],
  [
    WORDY_DMY,
    (m, raw, at) => {
      const day = Number(m[1]);
      const month = Number(m[2]);
      if (m[3] === undefined && m[4] === undefined) return latestPast(raw, day, month, at.today);
      const year = m[3] !== undefined ? expandYear(m[3], at.today) : relativeYear(m[4], at);
      return full(`${day}/${month}/${year}`, day, month, year);
    },
  ],
  [
    DAY_OF_RELATIVE_MONTH,
    (m, raw, at) => {
      const index = at.thisYear * 12 + at.thisMonth - 1 + (m[2] === 'truoc' ? -1 : 0);
      return full(raw, Number(m[1]), (index % 12) + 1, Math.floor(index / 12));
    },
  ],
  [MONTH_SLASH_YEAR, (m, raw) => monthOnly(raw, Number(m[1]), Number(m[2]))],
  [MONTH_WORD_YEAR, (m, raw) => monthOnly(raw, Number(m[1]), Number(m[2]))],
  [MONTH_RELATIVE_YEAR, (m, raw, at) => monthOnly(raw, Number(m[1]), relativeYear(m[2], at))],
  [
    NUMERIC_DM,
    (m, raw, at) => {
      const day = Number(m[1]);
      const month = Number(m[2]);
      return day >= 1 && day <= 31 && month >= 1 && month <= 12 ? latestPast(raw, day, month, at.today) : undefined;
    },
  ],
  [
    RELATIVE_DAY,
    (m, raw, at) => {
      const date = addDays(at.today, DAY_OFFSET[m[1] ?? ''] ?? 0);
      return { raw, ...splitDate(date), date, impossible: false, relative: true };
    },
  ],
];

/** Every date mention in `padded` (canonical tokens joined by spaces, padded with spaces). */
export function findDates(padded: string, today: IsoDate): DateMention[] {
  const found: DateMention[] = [];
  if (!HAS_DIGIT.test(padded) && !padded.includes(' hom ')) return found;
  const { year: thisYear, month: thisMonth } = splitDate(today);
  const at: Today = { today, thisYear, thisMonth };
  for (const [regex, build] of RULES) {
    for (const match of padded.matchAll(regex)) {
      const raw = match[0];
      if (overlaps(found, match.index, raw.length)) continue;
      const mention = build(match as RegExpExecArray, raw, at);
      if (mention !== undefined) found.push({ ...mention, at: match.index, length: raw.length });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}
