import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatVietnamDate,
  formatVietnamTime,
  vietnamDay,
  vietnamDayBounds,
  vietnamInstant,
  vietnamMoment,
  addDays,
  addMonths,
  addYears,
  ageOn,
  daysBetween,
  daysInMonth,
  formatDateVi,
  isIsoDate,
  isLeapYear,
  makeDate,
  splitDate,
  todayInVietnam,
} from '../../src/core/calendar.js';
import type { IsoDate } from '../../src/core/calendar.js';

const at = (iso: string) => ({ now: () => new Date(iso) });

/** Any real date 1900–2100, with 29 Feb of leap years drawn often. */
const anyDate = fc.oneof(
  fc
    .record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .map(({ year, month, day }) => makeDate(year, month, Math.min(day, daysInMonth(year, month))) as IsoDate),
  fc.integer({ min: 475, max: 525 }).map((n) => makeDate(n * 4, 2, isLeapYear(n * 4) ? 29 : 28) as IsoDate),
);

describe('today in Vietnam', () => {
  it('is still 23 Nov at 23:59:59 in Hanoi (16:59:59 UTC)', () => {
    expect(todayInVietnam(at('2026-11-23T16:59:59Z'))).toBe('2026-11-23');
  });
  it('turns 24 Nov at midnight in Hanoi (17:00 UTC)', () => {
    expect(todayInVietnam(at('2026-11-23T17:00:00Z'))).toBe('2026-11-24');
  });
  it('is 23 Nov at 00:30 in Hanoi although UTC is still on 22 Nov', () => {
    expect(todayInVietnam(at('2026-11-23T00:30:00+07:00'))).toBe('2026-11-23');
  });
  it('reads the fixed test clock as 23 Nov 2026', () => {
    expect(todayInVietnam(at('2026-11-23T09:00:00+07:00'))).toBe('2026-11-23');
  });
});

describe('leap years and real dates', () => {
  it('knows 2024 and 2000 are leap years, 2026 and 2100 are not', () => {
    expect([2024, 2000, 2026, 2100].map(isLeapYear)).toEqual([true, true, false, false]);
  });
  it('refuses 31 Feb, 29 Feb of a common year, month 13 and day 0', () => {
    expect(makeDate(2004, 2, 31)).toBeUndefined();
    expect(makeDate(2026, 2, 29)).toBeUndefined();
    expect(makeDate(2004, 13, 1)).toBeUndefined();
    expect(makeDate(2004, 1, 0)).toBeUndefined();
    expect(makeDate(2004, 1.5, 1)).toBeUndefined();
  });
  it('builds zero-padded ISO dates', () => {
    expect(makeDate(2024, 2, 29)).toBe('2024-02-29');
    expect(makeDate(2004, 3, 5)).toBe('2004-03-05');
  });
  it('accepts only well-formed dates that exist', () => {
    expect(isIsoDate('2004-03-15')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2004-02-31')).toBe(false);
    expect(isIsoDate('2004-3-15')).toBe(false);
    expect(isIsoDate('15/03/2004')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
});

describe('adding years, months and days', () => {
  it('puts the anniversary of 29 Feb on 1 Mar in a common year', () => {
    expect(addYears('2008-02-29', 18)).toBe('2026-03-01');
    expect(addYears('2024-02-29', 1)).toBe('2025-03-01');
  });
  it('keeps 29 Feb in a leap year, and 1 Mar for 2100, which is not one', () => {
    expect(addYears('2004-02-29', 24)).toBe('2028-02-29');
    expect(addYears('2076-02-29', 24)).toBe('2100-03-01');
  });
  it('crosses month and year ends, and the leap day, by days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it('clamps 31 Jan + 1 month to the end of February', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
  });
  it('counts days between dates, negative backwards', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
  });
  it('formats dates the Vietnamese way', () => {
    expect(formatDateVi('2004-03-05')).toBe('05/03/2004');
  });
});

describe('age on a day', () => {
  it('turns 18 on the 18th birthday, not the day before', () => {
    expect(ageOn('2008-11-23', '2026-11-22')).toBe(17);
    expect(ageOn('2008-11-23', '2026-11-23')).toBe(18);
  });
  it('a person born 29 Feb 2008 turns 18 on 1 Mar 2026', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('calendar properties', () => {
  it('adding years and taking them back returns the date (except 29 Feb into a common year)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -100, max: 100 }), (date, years) => {
        const later = addYears(date, years);
        expect(isIsoDate(later)).toBe(true);
        const { month, day } = splitDate(date);
        if (month === 2 && day === 29 && !isLeapYear(splitDate(later).year)) expect(later.slice(5)).toBe('03-01');
        else expect(addYears(later, -years)).toBe(date);
      }),
    );
  });
  it('adding days and taking them back returns the date, and daysBetween counts them', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -40_000, max: 40_000 }), (date, days) => {
        const moved = addDays(date, days);
        expect(addDays(moved, -days)).toBe(date);
        expect(daysBetween(date, moved)).toBe(days);
      }),
    );
  });
  it('someone is n years old on their n-th birthday and n-1 the day before', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 110 }), (birth, n) => {
        const birthday = addYears(birth, n);
        expect(ageOn(birth, birthday)).toBe(n);
        expect(ageOn(birth, addDays(birthday, -1))).toBe(n - 1);
      }),
    );
  });
});

describe('Vietnam time (UTC+7, no daylight saving): the one place that knows it', () => {
  it('a UTC evening is already the next day in Vietnam', () => {
    const at = new Date('2026-12-31T17:30:00Z');
    expect(vietnamDay(at)).toBe('2027-01-01');
    expect(vietnamDay('2026-12-31T16:59:59.999Z')).toBe('2026-12-31');
    expect(todayInVietnam({ now: () => at })).toBe('2027-01-01');
    expect(vietnamMoment(at)).toEqual({ day: '2027-01-01', weekday: 5, minute: 30 });
    expect(formatVietnamTime(at)).toBe('00:30 01/01/2027');
    expect(formatVietnamDate('2026-11-23T02:00:00Z')).toBe('23/11/2026');
  });

  it('day bounds run from Vietnam midnight to the last millisecond of the last day, in UTC', () => {
    expect(vietnamInstant('2026-11-23', '09:00').toISOString()).toBe('2026-11-23T02:00:00.000Z');
    expect(vietnamDayBounds('2026-10-01', '2026-12-31')).toEqual({ from: '2026-09-30T17:00:00.000Z', to: '2026-12-31T16:59:59.999Z' });
  });
});
