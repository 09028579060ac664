import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEnterpriseCode, checkHouseholdNumber, enterpriseCheckDigit } from '../../../src/core/eligibility/tax-code.js';

describe('enterprise codes', () => {
  it('0100233488 is valid and 0100233480 has a wrong check digit', () => {
    expect(checkEnterpriseCode('0100233488')).toEqual({ ok: true, kind: 'enterprise', dependent: false });
    expect(checkEnterpriseCode('0100233480')).toEqual({ ok: false, problem: 'check_digit' });
  });
  it('a branch code 0100233488-001 is valid and marks a dependent unit', () => {
    expect(checkEnterpriseCode('0100233488-001')).toEqual({ ok: true, kind: 'enterprise', dependent: true });
    expect(checkEnterpriseCode('0314409058002')).toEqual({ ok: true, kind: 'enterprise', dependent: true });
  });
  it('accepts digits grouped with spaces or dots', () => {
    expect(checkEnterpriseCode(' 0100 233 488 ')).toMatchObject({ ok: true });
    expect(checkEnterpriseCode('01.00.233.488')).toMatchObject({ ok: true });
  });
  it('says when the length is wrong', () => {
    for (const code of ['', '010023348', '01002334888', '010023348-001']) {
      expect(checkEnterpriseCode(code)).toEqual({ ok: false, problem: 'length' });
    }
  });
  it('says when there are letters or symbols', () => {
    expect(checkEnterpriseCode('01002334A8')).toEqual({ ok: false, problem: 'characters' });
    expect(checkEnterpriseCode('0100233488/001')).toEqual({ ok: false, problem: 'characters' });
  });
  it('says when the branch suffix is wrong', () => {
    for (const code of ['0100233488-', '0100233488-01', '0100233488-0001', '0100233488-000', '0100233488-001-1']) {
      expect(checkEnterpriseCode(code)).toEqual({ ok: false, problem: 'suffix' });
    }
  });
  it('computes the check digit as 10 − (weighted sum mod 11)', () => {
    expect(enterpriseCheckDigit('010023348')).toBe(8);
    expect(enterpriseCheckDigit('031440905')).toBe(8);
  });
  it('a weighted sum divisible by 11 would need the digit "10", so no code starts with those nine digits', () => {
    // 0×31 + 1×29 + 5×3 = 44 = 4 × 11
    expect(enterpriseCheckDigit('010000005')).toBeUndefined();
    for (let d = 0; d <= 9; d += 1) expect(checkEnterpriseCode(`010000005${d}`)).toEqual({ ok: false, problem: 'check_digit' });
  });
  it('a remainder of 10 gives check digit 0', () => {
    // 1×29 + 1×3 = 32 = 2 × 11 + 10
    expect(enterpriseCheckDigit('010000001')).toBe(0);
    expect(checkEnterpriseCode('0100000010')).toMatchObject({ ok: true });
  });
  it('any nine digits with their check digit form a valid code, and any other last digit does not', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.integer({ min: 0, max: 9 }), (nine, last) => {
        const check = enterpriseCheckDigit(nine);
        const expected = check === last ? { ok: true, kind: 'enterprise', dependent: false } : { ok: false, problem: 'check_digit' };
        expect(checkEnterpriseCode(`${nine}${last}`)).toEqual(expected);
      }),
    );
  });
});

describe('household-business numbers', () => {
  it('accepts the old format, e.g. 01A8012345 (and lower case)', () => {
    expect(checkHouseholdNumber('01A8012345')).toEqual({ ok: true, kind: 'household_old', dependent: false });
    expect(checkHouseholdNumber('01a8012345')).toEqual({ ok: true, kind: 'household_old', dependent: false });
    expect(checkHouseholdNumber('0128012345')).toMatchObject({ ok: true, kind: 'household_old' });
  });
  it('accepts a tax code', () => {
    expect(checkHouseholdNumber('0100233488')).toEqual({ ok: true, kind: 'enterprise', dependent: false });
  });
  it('accepts the owner\'s 12-digit personal ID as a format (it must never be stored)', () => {
    expect(checkHouseholdNumber('001204012345')).toEqual({ ok: true, kind: 'personal_id', dependent: false });
  });
  it('explains what is wrong', () => {
    expect(checkHouseholdNumber('01A801234')).toEqual({ ok: false, problem: 'length' });
    expect(checkHouseholdNumber('01A9012345')).toEqual({ ok: false, problem: 'characters' });
    expect(checkHouseholdNumber('00120401234')).toEqual({ ok: false, problem: 'length' });
    expect(checkHouseholdNumber('0100233480')).toEqual({ ok: false, problem: 'check_digit' });
    expect(checkHouseholdNumber('01A8-012345')).toEqual({ ok: false, problem: 'characters' });
  });
  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(typeof checkHouseholdNumber(text).ok).toBe('boolean');
        expect(typeof checkEnterpriseCode(text).ok).toBe('boolean');
      }),
    );
  });
});
