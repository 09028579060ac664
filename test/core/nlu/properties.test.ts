/**
 * Property tests (fast-check) for the parsers: diacritics folding, robustness to any input,
 * dates and ages. Seeds are fixed by vitest's sequence seed through fast-check's own default.
 */
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, makeDate } from '../../../src/core/calendar.js';
import { foldDiacritics, INTENTS, understand } from '../../../src/core/nlu/index.js';
import { PHRASINGS } from './phrasings.js';

const TODAY = '2026-11-23';
const DEV_SET = new URL('../../../../shared/eval/nlu-dev.jsonl', import.meta.url);
const devTexts: string[] = existsSync(DEV_SET)
  ? readFileSync(DEV_SET, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { text: string }).text)
  : [];
const texts = [...devTexts, ...Object.values(PHRASINGS).flat()];
const SEED = 20261123;

/** Folds only the words picked by `mask`: people drop diacritics on some words, not all. */
const foldSome = (text: string, mask: readonly boolean[]): string =>
  text
    .split(' ')
    .map((word, i) => (mask[i % Math.max(mask.length, 1)] ? foldDiacritics(word) : word))
    .join(' ');

describe('folding diacritics never changes what is understood', () => {
  it.skipIf(devTexts.length === 0)('dev set lines, wholly folded', () => {
    for (const text of devTexts) {
      const a = understand(text, TODAY);
      const b = understand(foldDiacritics(text), TODAY);
      expect([b.intent, b.entities], text).toEqual([a.intent, a.entities]);
    }
  });

  it('dev set lines and our phrasings, with any subset of words folded', () => {
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }), (text, mask) => {
        const a = understand(text, TODAY);
        const b = understand(foldSome(text, mask), TODAY);
        expect(b.intent).toBe(a.intent);
        expect(b.entities).toEqual(a.entities);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('upper case never matters either', () => {
    fc.assert(
      fc.property(fc.constantFrom(...texts), (text) => {
        expect(understand(text.toUpperCase(), TODAY).intent).toBe(understand(text, TODAY).intent);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('folding is idempotent and leaves only ASCII for Vietnamese text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...texts), (text) => {
        const folded = foldDiacritics(text);
        expect(foldDiacritics(folded)).toBe(folded);
        expect(/^[\x00-\x7f]*$/.test(folded.replace(/\p{Extended_Pictographic}/gu, ''))).toBe(true);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

/** A valid Understanding, whatever the input. */
function expectValid(text: string): void {
  const u = understand(text, TODAY);
  expect(INTENTS).toContain(u.intent);
  expect(u.confidence).toBeGreaterThanOrEqual(0);
  expect(u.confidence).toBeLessThanOrEqual(1);
  for (const alternative of u.alternatives) expect(INTENTS).toContain(alternative);
  for (const date of [u.entities.birthDate, u.entities.establishedDate]) {
    if (date !== undefined) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
}

describe('understand() never throws, whatever it is given', () => {
  const odd = fc.constantFrom(
    '\u200b', '\u200d', '\ufeff', '\u202e', 'مرحبا', 'שלום', '👨‍👩‍👧', '🇻🇳', 'e\u0301', '\u0000', '\ud800', '31/02/2004',
    '0101234567-001', 'ma GT: ', '2k', 'ngay 99 thang 99 nam 9999', '/', '.', '-', '99999999999999999999', 'tuoi',
  );
  const messy = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), odd, fc.constantFrom(...texts)), {
    maxLength: 8,
  });

  it('arbitrary unicode (emoji, RTL, zero-width, lone surrogates, mixed with real messages)', () => {
    fc.assert(
      fc.property(messy, (parts) => expectValid(parts.join(' '))),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('10 kB strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 10_000, maxLength: 10_500 }), (text) => expectValid(text)),
      { seed: SEED, numRuns: 20 },
    );
    expectValid('đăng ký '.repeat(1500));
    expectValid('1/'.repeat(5000));
    expectValid(`${'a'.repeat(10_000)} 20 tuổi`);
  });
});

describe('dates and ages, for any value', () => {
  const validDate = fc
    .record({ year: fc.integer({ min: 1950, max: 2026 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .filter(({ year, month, day }) => makeDate(year, month, day) !== undefined);

  it('every way of writing a valid birth date gives that date', () => {
    fc.assert(
      fc.property(validDate, fc.integer({ min: 0, max: 4 }), ({ year, month, day }, style) => {
        const dd = String(day).padStart(2, '0');
        const mm = String(month).padStart(2, '0');
        const written = [
          `${day}/${month}/${year}`,
          `${dd}-${mm}-${year}`,
          `${day}.${month}.${year}`,
          `${year}-${mm}-${dd}`,
          `ngày ${day} tháng ${month} năm ${year}`,
        ][style];
        expect(understand(`em sinh ${written}`, TODAY).entities).toEqual({ birthDate: makeDate(year, month, day) });
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('a day that does not exist in its month is never guessed', () => {
    const impossible = fc
      .record({ year: fc.integer({ min: 1950, max: 2026 }), month: fc.integer({ min: 1, max: 12 }), extra: fc.integer({ min: 1, max: 3 }) })
      .map(({ year, month, extra }) => ({ year, month, day: daysInMonth(year, month) + extra }))
      .filter(({ day }) => day <= 31);
    fc.assert(
      fc.property(impossible, ({ year, month, day }) => {
        const raw = `${day}/${month}/${year}`;
        const u = understand(`sinh ${raw}`, TODAY);
        expect(u.entities.birthDate).toBeUndefined();
        expect(u.signals.impossibleDate).toBe(raw);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('"N tuổi" and "Nt" give age N', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.boolean(), (age, short) => {
        expect(understand(short ? `e ${age}t` : `tôi ${age} tuổi`, TODAY).entities).toEqual({ age });
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
