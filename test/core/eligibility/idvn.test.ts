import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, ageOn, daysInMonth, isLeapYear, makeDate } from '../../../src/core/calendar.js';
import type { IsoDate } from '../../../src/core/calendar.js';
import { checkIdvn } from '../../../src/core/eligibility/idvn.js';

const TODAY = '2026-11-23';

describe('id.vn with a full date of birth', () => {
  it('a person turning 18 today is eligible until the day before their 24th birthday', () => {
    expect(checkIdvn({ birthDate: '2008-11-23' }, TODAY)).toEqual({
      track: 'id.vn',
      outcome: 'eligible',
      reason: 'idvn_age_in_range',
      until: '2032-11-22',
    });
  });
  it('the day before the 18th birthday is too early, and they are told the day it starts', () => {
    expect(checkIdvn({ birthDate: '2008-11-24' }, TODAY)).toEqual({
      track: 'id.vn',
      outcome: 'not_eligible',
      reason: 'idvn_under_18',
      from: '2026-11-24',
    });
  });
  it('the day before the 24th birthday is the last eligible day', () => {
    expect(checkIdvn({ birthDate: '2002-11-24' }, TODAY)).toEqual({
      track: 'id.vn',
      outcome: 'eligible',
      reason: 'idvn_age_in_range',
      until: TODAY,
    });
  });
  it('on the 24th birthday the free id.vn is over', () => {
    expect(checkIdvn({ birthDate: '2002-11-23' }, TODAY)).toEqual({ track: 'id.vn', outcome: 'not_eligible', reason: 'idvn_over_23' });
  });
  it('someone aged 20 learns the last day of the offer', () => {
    expect(checkIdvn({ birthDate: '2006-03-15' }, TODAY)).toMatchObject({ outcome: 'eligible', until: '2030-03-14' });
  });
  it('a child is told when they become eligible', () => {
    expect(checkIdvn({ birthDate: '2015-06-01' }, TODAY)).toMatchObject({ reason: 'idvn_under_18', from: '2033-06-01' });
  });
  it('someone born today (age 0) is a valid, under-18 answer', () => {
    expect(checkIdvn({ birthDate: TODAY }, TODAY)).toMatchObject({ outcome: 'not_eligible', from: '2044-11-23' });
  });
});

describe('id.vn for people born on 29 February', () => {
  it('a person born 29 Feb 2008 is not yet eligible on 28 Feb 2026', () => {
    expect(checkIdvn({ birthDate: '2008-02-29' }, '2026-02-28')).toMatchObject({ reason: 'idvn_under_18', from: '2026-03-01' });
  });
  it('a person born 29 Feb 2008 becomes eligible on 1 Mar 2026', () => {
    expect(checkIdvn({ birthDate: '2008-02-29' }, '2026-03-01')).toMatchObject({ outcome: 'eligible', until: '2032-02-28' });
  });
  it('a person born 29 Feb 2004 is eligible through 28 Feb 2028 (24th birthday on 29 Feb 2028)', () => {
    expect(checkIdvn({ birthDate: '2004-02-29' }, '2028-02-28')).toMatchObject({ outcome: 'eligible', until: '2028-02-28' });
    expect(checkIdvn({ birthDate: '2004-02-29' }, '2028-02-29')).toMatchObject({ reason: 'idvn_over_23' });
  });
  it('a person born 29 Feb 2076 has their 24th birthday on 1 Mar 2100, so 28 Feb 2100 is still eligible', () => {
    expect(checkIdvn({ birthDate: '2076-02-29' }, '2100-02-28')).toMatchObject({ outcome: 'eligible', until: '2100-02-28' });
    expect(checkIdvn({ birthDate: '2076-02-29' }, '2100-03-01')).toMatchObject({ reason: 'idvn_over_23' });
  });
});

describe('id.vn with an age only', () => {
  it.each([18, 20, 23])('age %i is eligible, with no last day (the birthday is unknown)', (age) => {
    expect(checkIdvn({ age }, TODAY)).toEqual({ track: 'id.vn', outcome: 'eligible', reason: 'idvn_age_in_range' });
  });
  it.each([
    [0, 'idvn_under_18'],
    [17, 'idvn_under_18'],
    [24, 'idvn_over_23'],
    [120, 'idvn_over_23'],
  ])('age %i is not eligible (%s)', (age, reason) => {
    expect(checkIdvn({ age }, TODAY)).toEqual({ track: 'id.vn', outcome: 'not_eligible', reason });
  });
});

describe('id.vn with a birth year only', () => {
  it.each([2003, 2005, 2007])('born in %i (19..23 this year) is eligible', (birthYear) => {
    expect(checkIdvn({ birthYear }, TODAY)).toMatchObject({ outcome: 'eligible', reason: 'idvn_age_in_range' });
  });
  it.each([2008, 2002])('born in %i (18 or 24 this year) needs the full date', (birthYear) => {
    expect(checkIdvn({ birthYear }, TODAY)).toEqual({ track: 'id.vn', outcome: 'undetermined', reason: 'idvn_birth_year_boundary' });
  });
  it('born in 2009 is under 18, born in 2001 is over 23', () => {
    expect(checkIdvn({ birthYear: 2009 }, TODAY)).toMatchObject({ outcome: 'not_eligible', reason: 'idvn_under_18' });
    expect(checkIdvn({ birthYear: 2001 }, TODAY)).toMatchObject({ outcome: 'not_eligible', reason: 'idvn_over_23' });
  });
});

describe('id.vn precedence and citizenship', () => {
  it('a full date wins over age and birth year', () => {
    expect(checkIdvn({ birthDate: '2002-11-23', age: 20, birthYear: 2005 }, TODAY)).toMatchObject({ reason: 'idvn_over_23' });
  });
  it('an age wins over a birth year', () => {
    expect(checkIdvn({ age: 20, birthYear: 2008 }, TODAY)).toMatchObject({ outcome: 'eligible' });
  });
  it('a non-Vietnamese citizen is not eligible, even at 20', () => {
    expect(checkIdvn({ age: 20, citizen: false }, TODAY)).toEqual({ track: 'id.vn', outcome: 'not_eligible', reason: 'idvn_not_citizen' });
    expect(checkIdvn({ citizen: false }, TODAY)).toMatchObject({ reason: 'idvn_not_citizen' });
  });
  it('a citizen who says so is checked as usual', () => {
    expect(checkIdvn({ age: 20, citizen: true }, TODAY)).toMatchObject({ outcome: 'eligible' });
  });
});

describe('id.vn facts that cannot be checked', () => {
  it('a birth date after today is re-asked', () => {
    expect(checkIdvn({ birthDate: '2026-11-24' }, TODAY)).toEqual({ invalid: 'future_date', field: 'birthDate' });
  });
  it('31 Feb and badly written dates are impossible, never guessed', () => {
    expect(checkIdvn({ birthDate: '2004-02-31' }, TODAY)).toEqual({ invalid: 'impossible_date', field: 'birthDate' });
    expect(checkIdvn({ birthDate: '2005-02-29' }, TODAY)).toEqual({ invalid: 'impossible_date', field: 'birthDate' });
    expect(checkIdvn({ birthDate: '15/03/2004' }, TODAY)).toEqual({ invalid: 'impossible_date', field: 'birthDate' });
  });
  it('ages below 0, above 120 or with a fraction are out of range', () => {
    for (const age of [-1, 121, 20.5, Number.NaN]) expect(checkIdvn({ age }, TODAY)).toEqual({ invalid: 'out_of_range', field: 'age' });
  });
  it('a birth year next year is in the future, one before 1900 is out of range', () => {
    expect(checkIdvn({ birthYear: 2027 }, TODAY)).toEqual({ invalid: 'future_date', field: 'birthYear' });
    expect(checkIdvn({ birthYear: 1899 }, TODAY)).toEqual({ invalid: 'out_of_range', field: 'birthYear' });
  });
  it('a birth date making someone older than 120 is out of range; exactly 120 is just too old', () => {
    expect(checkIdvn({ birthDate: '1905-11-23' }, TODAY)).toEqual({ invalid: 'out_of_range', field: 'birthDate' });
    expect(checkIdvn({ birthDate: '1906-11-23' }, TODAY)).toMatchObject({ reason: 'idvn_over_23' });
  });
  it('nothing given asks for the date of birth', () => {
    expect(checkIdvn({}, TODAY)).toEqual({ invalid: 'missing', field: 'birthDate' });
  });
  it('a wrong fact is re-asked even when a better one is present, and a non-citizen too', () => {
    expect(checkIdvn({ birthDate: '2006-01-01', age: 200 }, TODAY)).toEqual({ invalid: 'out_of_range', field: 'age' });
    expect(checkIdvn({ birthDate: '2030-01-01', citizen: false }, TODAY)).toEqual({ invalid: 'future_date', field: 'birthDate' });
  });
  it('an impossible today is reported, not thrown', () => {
    expect(checkIdvn({ age: 20 }, '2026-02-30')).toEqual({ invalid: 'impossible_date', field: 'today' });
  });
});

const anyDate = fc
  .record({ year: fc.integer({ min: 1910, max: 2090 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => makeDate(year, month, Math.min(day, daysInMonth(year, month))) as IsoDate);
const leapDay = fc.integer({ min: 478, max: 522 }).map((n) => makeDate(n * 4, 2, isLeapYear(n * 4) ? 29 : 28) as IsoDate);

describe('id.vn properties', () => {
  it('by full date, eligible exactly when the age that day is 18..23, and the last day is the last such day', () => {
    fc.assert(
      fc.property(fc.oneof(anyDate, leapDay), fc.integer({ min: 0, max: 110 * 365 }), (birthDate, days) => {
        const today = addDays(birthDate, days);
        const result = checkIdvn({ birthDate }, today);
        const age = ageOn(birthDate, today);
        expect('outcome' in result && result.outcome === 'eligible').toBe(age >= 18 && age <= 23);
        if ('until' in result && result.until !== undefined) {
          expect(ageOn(birthDate, result.until)).toBe(23);
          expect(ageOn(birthDate, addDays(result.until, 1))).toBe(24);
        }
        if ('from' in result && result.from !== undefined) {
          expect(ageOn(birthDate, result.from)).toBe(18);
          expect(ageOn(birthDate, addDays(result.from, -1))).toBe(17);
        }
      }),
    );
  });
  it('never throws, whatever it is given', () => {
    const facts = fc.record(
      {
        birthDate: fc.oneof(anyDate, fc.string()),
        age: fc.oneof(fc.integer(), fc.double()),
        birthYear: fc.oneof(fc.integer(), fc.double()),
        citizen: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(facts, fc.oneof(anyDate, fc.string()), (f, today) => {
        const result = checkIdvn(f, today);
        expect('outcome' in result || 'invalid' in result).toBe(true);
      }),
    );
  });
});
