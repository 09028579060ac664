import { describe, expect, it } from 'vitest';
import { checkEligibility, isProgramOpen } from '../../../src/core/eligibility/index.js';

const WINDOW = { start: '2023-06-01', end: '2030-12-31' };

describe('the program window', () => {
  it('is open on its first and last day, closed the day before and the day after', () => {
    expect(isProgramOpen(WINDOW, '2023-05-31')).toBe(false);
    expect(isProgramOpen(WINDOW, '2023-06-01')).toBe(true);
    expect(isProgramOpen(WINDOW, '2030-12-31')).toBe(true);
    expect(isProgramOpen(WINDOW, '2031-01-01')).toBe(false);
  });
  it('outside the window, both tracks say the offer is not open instead of checking', () => {
    expect(checkEligibility({ track: 'id.vn', age: 20 }, '2031-01-01', WINDOW)).toEqual({
      track: 'id.vn',
      outcome: 'not_eligible',
      reason: 'program_not_open',
    });
    expect(checkEligibility({ track: 'biz.vn', businessType: 'household', hasCertificate: true }, '2023-05-31', WINDOW)).toEqual({
      track: 'biz.vn',
      outcome: 'not_eligible',
      reason: 'program_not_open',
    });
  });
  it('inside the window, the track rules apply, from the first day to the last (until is not cut to the window end)', () => {
    expect(checkEligibility({ track: 'id.vn', age: 20 }, '2023-06-01', WINDOW)).toMatchObject({ outcome: 'eligible' });
    expect(checkEligibility({ track: 'biz.vn', businessType: 'enterprise', establishedDate: '2030-01-01' }, '2030-12-31', WINDOW)).toEqual({
      track: 'biz.vn',
      outcome: 'eligible',
      reason: 'bizvn_enterprise_within_year',
      until: '2031-01-01',
    });
  });
  it('facts that cannot be checked are reported inside the window', () => {
    expect(checkEligibility({ track: 'id.vn' }, '2026-11-23', WINDOW)).toEqual({ invalid: 'missing', field: 'birthDate' });
  });
  it('an impossible today is reported, not thrown', () => {
    expect(checkEligibility({ track: 'id.vn', age: 20 }, '2026-13-01', WINDOW)).toEqual({ invalid: 'impossible_date', field: 'today' });
  });
});
