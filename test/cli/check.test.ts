import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLine, runCheck } from '../../src/cli/commands/check.js';
import type { CheckDeps } from '../../src/cli/commands/check.js';

const deps: CheckDeps = {
  clock: { now: () => new Date('2026-11-23T09:00:00+07:00') },
  window: { start: '2023-06-01', end: '2030-12-31' },
};
const check = (value: unknown): unknown => JSON.parse(checkLine(typeof value === 'string' ? value : JSON.stringify(value), deps));
const errorOf = (value: unknown): string => {
  const out = check(value);
  expect(out).toEqual({ error: expect.any(String) });
  return (out as { error: string }).error;
};

describe('check: the contract examples', () => {
  it('someone born 23 Nov 2008 is eligible on 23 Nov 2026, their 18th birthday', () => {
    expect(checkLine('{"track":"id.vn","birthDate":"2008-11-23","today":"2026-11-23"}', deps)).toBe(
      '{"outcome":"eligible","reason":"idvn_age_in_range","until":"2032-11-22"}',
    );
  });
  it('someone born 23 Nov 2002 is not eligible on 23 Nov 2026, their 24th birthday', () => {
    expect(checkLine('{"track":"id.vn","birthDate":"2002-11-23","today":"2026-11-23"}', deps)).toBe(
      '{"outcome":"not_eligible","reason":"idvn_over_23"}',
    );
  });
  it('an under-18 gets the day they become eligible in "from"', () => {
    expect(checkLine('{"track":"id.vn","birthDate":"2008-11-24"}', deps)).toBe(
      '{"outcome":"not_eligible","reason":"idvn_under_18","from":"2026-11-24"}',
    );
  });
  it('answers an age, a birth year and a boundary birth year', () => {
    expect(checkLine('{"track":"id.vn","age":20}', deps)).toBe('{"outcome":"eligible","reason":"idvn_age_in_range"}');
    expect(checkLine('{"track":"id.vn","birthYear":2004}', deps)).toBe('{"outcome":"eligible","reason":"idvn_age_in_range"}');
    expect(checkLine('{"track":"id.vn","birthYear":2008}', deps)).toBe('{"outcome":"undetermined","reason":"idvn_birth_year_boundary"}');
  });
  it('a non-citizen is not eligible', () => {
    expect(check({ track: 'id.vn', age: 20, citizen: false })).toEqual({ outcome: 'not_eligible', reason: 'idvn_not_citizen' });
  });
  it('an enterprise founded 1 Dec 2025 is told its last day; a certified household is eligible', () => {
    expect(checkLine('{"track":"biz.vn","businessType":"enterprise","establishedDate":"2025-12-01"}', deps)).toBe(
      '{"outcome":"eligible","reason":"bizvn_enterprise_within_year","until":"2026-12-01"}',
    );
    expect(checkLine('{"track":"biz.vn","businessType":"household","hasCertificate":true}', deps)).toBe(
      '{"outcome":"eligible","reason":"bizvn_household_certified"}',
    );
  });
  it('today defaults to the clock\'s date in Vietnam', () => {
    expect(check({ track: 'biz.vn', businessType: 'enterprise', establishedDate: '2025-11-23' })).toMatchObject({ until: '2026-11-23' });
    expect(check({ track: 'biz.vn', businessType: 'enterprise', establishedDate: '2025-11-22' })).toMatchObject({
      reason: 'bizvn_enterprise_over_year',
    });
  });
});

describe('check: optional fields', () => {
  it('a valid enterprise code is accepted; a branch suffix means the parent registers', () => {
    const base = { track: 'biz.vn', businessType: 'enterprise', establishedDate: '2026-01-01' };
    expect(check({ ...base, enterpriseCode: '0100233488' })).toMatchObject({ outcome: 'eligible' });
    expect(check({ ...base, enterpriseCode: '0100233488-001' })).toEqual({ outcome: 'not_eligible', reason: 'bizvn_dependent_unit' });
    expect(check({ ...base, dependentUnit: true })).toEqual({ outcome: 'not_eligible', reason: 'bizvn_dependent_unit' });
  });
  it('explains a wrong enterprise code, without repeating it', () => {
    const base = { track: 'biz.vn', businessType: 'enterprise', establishedDate: '2026-01-01' };
    expect(errorOf({ ...base, enterpriseCode: '0100233480' })).toMatch(/last digit/);
    expect(errorOf({ ...base, enterpriseCode: '01002334' })).toMatch(/wrong length/);
    expect(errorOf({ ...base, enterpriseCode: '0100233488-01' })).toMatch(/branch suffix/);
    expect(errorOf({ ...base, enterpriseCode: '0100233480' })).not.toContain('0100233480');
  });
  it('a household may give its old number or the owner\'s 12-digit ID', () => {
    const base = { track: 'biz.vn', businessType: 'household', hasCertificate: true };
    expect(check({ ...base, enterpriseCode: '01A8012345' })).toMatchObject({ outcome: 'eligible' });
    expect(check({ ...base, enterpriseCode: '001204012345' })).toMatchObject({ outcome: 'eligible' });
    expect(errorOf({ ...base, enterpriseCode: '01A801234' })).toMatch(/household-business number/);
  });
});

describe('check: the program window', () => {
  it('is open on its last day and closed the day after', () => {
    expect(check({ track: 'id.vn', age: 20, today: '2030-12-31' })).toMatchObject({ outcome: 'eligible' });
    expect(check({ track: 'id.vn', age: 20, today: '2031-01-01' })).toEqual({ outcome: 'not_eligible', reason: 'program_not_open' });
  });
  it('is closed the day before it starts and open on the first day', () => {
    expect(check({ track: 'biz.vn', businessType: 'household', hasCertificate: true, today: '2023-05-31' })).toEqual({
      outcome: 'not_eligible',
      reason: 'program_not_open',
    });
    expect(check({ track: 'biz.vn', businessType: 'household', hasCertificate: true, today: '2023-06-01' })).toMatchObject({
      outcome: 'eligible',
    });
  });
});

describe('check: bad lines get an error in plain English', () => {
  it.each([
    ['an empty line', '', /empty line/],
    ['a blank line', '   ', /empty line/],
    ['text that is not JSON', 'sinh năm 2004', /not valid JSON/],
    ['a JSON array', '[1,2]', /JSON object/],
    ['JSON null', 'null', /JSON object/],
    ['an unknown track', '{"track":"com.vn"}', /"track" must be "id.vn" or "biz.vn" \(got "com.vn"\)/],
    ['a missing track', '{"age":20}', /"track" must be .* \(it is missing\)/],
    ['31 Feb', '{"track":"id.vn","birthDate":"2004-02-31"}', /"birthDate" "2004-02-31" is not a real calendar date/],
    ['a day-first date', '{"track":"id.vn","birthDate":"15/03/2004"}', /YYYY-MM-DD/],
    ['a future birth date', '{"track":"id.vn","birthDate":"2026-11-24"}', /"birthDate" 2026-11-24 is after today \(2026-11-23\)/],
    ['a future founding date', '{"track":"biz.vn","businessType":"enterprise","establishedDate":"2027-01-01"}', /after today/],
    ['an impossible today', '{"track":"id.vn","age":20,"today":"2026-02-29"}', /"today" "2026-02-29" is not a real/],
    ['an age as text', '{"track":"id.vn","age":"20"}', /"age" must be a number/],
    ['a fractional age', '{"track":"id.vn","age":20.5}', /whole number/],
    ['a negative age', '{"track":"id.vn","age":-3}', /"age" -3 is out of range/],
    ['a birth year in the future', '{"track":"id.vn","birthYear":2030}', /"birthYear" 2030 is after today/],
    ['a birth year before 1900', '{"track":"id.vn","birthYear":1850}', /from 1900/],
    ['citizen as text', '{"track":"id.vn","age":20,"citizen":"yes"}', /"citizen" must be true or false/],
    ['a misspelt field', '{"track":"id.vn","birthdate":"2004-03-15"}', /unknown field "birthdate" for track "id.vn"/],
    ['a field of the other track', '{"track":"id.vn","businessType":"enterprise"}', /unknown field "businessType"/],
    ['no facts for id.vn', '{"track":"id.vn"}', /needs one of "birthDate"/],
    ['no business type', '{"track":"biz.vn"}', /"businessType": "enterprise" or "household"/],
    ['an unknown business type', '{"track":"biz.vn","businessType":"shop"}', /"businessType" must be/],
    ['an enterprise without a date', '{"track":"biz.vn","businessType":"enterprise"}', /"establishedDate"/],
    ['a household without certificate answer', '{"track":"biz.vn","businessType":"household"}', /"hasCertificate"/],
  ])('%s', (_name, line, message) => {
    expect(errorOf(line)).toMatch(message);
  });
});

describe('check: streams', () => {
  it('writes one line per input line, in order, and goes on after a bad line', async () => {
    const out: string[] = [];
    await runCheck(['{"track":"id.vn","age":20}', '', 'oops', '{"track":"id.vn","age":17}'], deps, (line) => out.push(line));
    expect(out.map((line) => Object.keys(JSON.parse(line) as object)[0])).toEqual(['outcome', 'error', 'error', 'outcome']);
    expect(out[3]).toBe('{"outcome":"not_eligible","reason":"idvn_under_18"}');
  });
  it('reads async lines too', async () => {
    async function* lines() {
      yield '{"track":"biz.vn","businessType":"household","hasCertificate":false}';
    }
    const out: string[] = [];
    await runCheck(lines(), deps, (line) => out.push(line));
    expect(out).toEqual(['{"outcome":"not_eligible","reason":"bizvn_household_no_certificate"}']);
  });
  it('never throws and always writes exactly one JSON line, whatever it reads', async () => {
    const field = fc.constantFrom('track', 'birthDate', 'age', 'birthYear', 'citizen', 'today', 'businessType', 'establishedDate', 'hasCertificate', 'dependentUnit', 'enterpriseCode');
    const value = fc.oneof(fc.constantFrom('id.vn', 'biz.vn', 'enterprise', 'household', '2004-02-29', '2008-11-23'), fc.jsonValue());
    const objectLine = fc.dictionary(field, value).map((object) => JSON.stringify(object));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), objectLine), { maxLength: 5 }), async (lines) => {
        const out: string[] = [];
        await runCheck(lines, deps, (line) => out.push(line));
        expect(out).toHaveLength(lines.length);
        for (const line of out) {
          expect(line).not.toMatch(/[\n\r\u2028\u2029]/);
          const parsed = JSON.parse(line) as Record<string, unknown>;
          expect('error' in parsed || 'outcome' in parsed).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
