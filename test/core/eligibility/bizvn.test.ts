import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addYears, daysInMonth, makeDate } from '../../../src/core/calendar.js';
import type { IsoDate } from '../../../src/core/calendar.js';
import { checkBizvn } from '../../../src/core/eligibility/bizvn.js';

const TODAY = '2026-11-23';

describe('biz.vn for an enterprise', () => {
  it('an enterprise founded on 1 Dec 2025 is eligible and told its last day, 1 Dec 2026', () => {
    expect(checkBizvn({ businessType: 'enterprise', establishedDate: '2025-12-01' }, TODAY)).toEqual({
      track: 'biz.vn',
      outcome: 'eligible',
      reason: 'bizvn_enterprise_within_year',
      until: '2026-12-01',
    });
  });
  it('an enterprise founded today is eligible', () => {
    expect(checkBizvn({ businessType: 'enterprise', establishedDate: TODAY }, TODAY)).toMatchObject({ outcome: 'eligible', until: '2027-11-23' });
  });
  it('exactly one year after founding is the last eligible day', () => {
    expect(checkBizvn({ businessType: 'enterprise', establishedDate: '2025-11-23' }, TODAY)).toMatchObject({
      outcome: 'eligible',
      until: TODAY,
    });
  });
  it('one year and one day after founding is too late', () => {
    expect(checkBizvn({ businessType: 'enterprise', establishedDate: '2025-11-22' }, TODAY)).toEqual({
      track: 'biz.vn',
      outcome: 'not_eligible',
      reason: 'bizvn_enterprise_over_year',
    });
  });
  it('an enterprise founded 29 Feb 2024 may register through 1 Mar 2025, not on 2 Mar', () => {
    const facts = { businessType: 'enterprise', establishedDate: '2024-02-29' } as const;
    expect(checkBizvn(facts, '2025-03-01')).toMatchObject({ outcome: 'eligible', until: '2025-03-01' });
    expect(checkBizvn(facts, '2025-03-02')).toMatchObject({ reason: 'bizvn_enterprise_over_year' });
  });
  it('a founding date in the future is re-asked', () => {
    expect(checkBizvn({ businessType: 'enterprise', establishedDate: '2026-11-24' }, TODAY)).toEqual({
      invalid: 'future_date',
      field: 'establishedDate',
    });
  });
  it('an impossible founding date is re-asked', () => {
    expect(checkBizvn({ businessType: 'enterprise', establishedDate: '2025-02-29' }, TODAY)).toEqual({
      invalid: 'impossible_date',
      field: 'establishedDate',
    });
  });
  it('an enterprise without a founding date is asked for it', () => {
    expect(checkBizvn({ businessType: 'enterprise' }, TODAY)).toEqual({ invalid: 'missing', field: 'establishedDate' });
  });
  it('a branch is not eligible itself: the parent enterprise registers', () => {
    expect(checkBizvn({ businessType: 'enterprise', establishedDate: '2026-01-01', dependentUnit: true }, TODAY)).toEqual({
      track: 'biz.vn',
      outcome: 'not_eligible',
      reason: 'bizvn_dependent_unit',
    });
    expect(checkBizvn({ dependentUnit: true }, TODAY)).toMatchObject({ reason: 'bizvn_dependent_unit' });
  });
});

describe('biz.vn for a household business', () => {
  it('a household business with a registration certificate is eligible, whatever its age', () => {
    expect(checkBizvn({ businessType: 'household', hasCertificate: true, establishedDate: '1995-05-05' }, TODAY)).toEqual({
      track: 'biz.vn',
      outcome: 'eligible',
      reason: 'bizvn_household_certified',
    });
  });
  it('an online shop without a certificate is not eligible yet', () => {
    expect(checkBizvn({ businessType: 'household', hasCertificate: false }, TODAY)).toEqual({
      track: 'biz.vn',
      outcome: 'not_eligible',
      reason: 'bizvn_household_no_certificate',
    });
  });
  it('a household business is asked whether it holds a certificate', () => {
    expect(checkBizvn({ businessType: 'household' }, TODAY)).toEqual({ invalid: 'missing', field: 'hasCertificate' });
  });
});

describe('biz.vn without a business type', () => {
  it('asks whether it is an enterprise or a household business', () => {
    expect(checkBizvn({}, TODAY)).toEqual({ invalid: 'missing', field: 'businessType' });
    expect(checkBizvn({ hasCertificate: true }, TODAY)).toEqual({ invalid: 'missing', field: 'businessType' });
  });
});

describe('biz.vn properties', () => {
  const anyDate = fc
    .record({ year: fc.integer({ min: 1990, max: 2090 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .map(({ year, month, day }) => makeDate(year, month, Math.min(day, daysInMonth(year, month))) as IsoDate);
  it('an enterprise is eligible exactly from its founding day through the same day a year later', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 800 }), (establishedDate, days) => {
        const today = addDays(establishedDate, days);
        const result = checkBizvn({ businessType: 'enterprise', establishedDate }, today);
        const within = today <= addYears(establishedDate, 1);
        expect(result).toMatchObject({ outcome: within ? 'eligible' : 'not_eligible' });
      }),
    );
  });
});
