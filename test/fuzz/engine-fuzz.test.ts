/**
 * 1,000 random inputs (fixed seed) through the full runner on SQLite :memory:
 * and through `understand`: no throw, a reply every time, every text non-empty,
 * ≤ 4,000 characters and translated. A quick one for `npm test`: `npm run fuzz`
 * runs 100,000 with a new seed.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fuzzCase } from './fuzz-inputs.js';
import { createFuzzTarget, describeCase, MAX_REPLY_CHARS, replyProblems } from './fuzz-target.js';

const RUNS = 1_000;
const target = createFuzzTarget();
afterAll(() => target.close());

describe('engine and parser fuzzing', () => {
  it(`${RUNS.toLocaleString('en-US')} random inputs: no throw, always a bounded, translated reply`, async () => {
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(fuzzCase, async (c) => {
        tried += 1;
        const problems = await target.check(c);
        if (problems.length > 0) throw new Error(`${problems.join('\n')}\ninput: ${describeCase(c)}`);
      }),
      { seed: 20261123, numRuns: RUNS, endOnFailure: true },
    );
    expect(tried).toBe(RUNS);
  });

  it('the checks themselves catch a broken reply (and allow the person\'s own words quoted back)', () => {
    const apology = 'Xin lỗi, mình đang gặp trục trặc nhỏ.';
    const problems = (text: string, typed = '') => replyProblems([{ text }], [apology], typed);
    expect(problems('Xin chào!')).toEqual([]);
    expect(problems('')).toEqual(['reply 0 is empty']);
    expect(problems('a'.repeat(MAX_REPLY_CHARS + 1))).toEqual([expect.stringMatching(/4001 chars/)]);
    expect(problems('privacy.summary')).toEqual([expect.stringMatching(/untranslated key/)]);
    expect(problems('Kết quả: result.idvn_age_in_range')).toEqual([expect.stringMatching(/untranslated key/)]);
    expect(problems('Hạn của bạn là {{until}}')).toEqual([expect.stringMatching(/unfilled placeholder/)]);
    expect(problems(apology)).toEqual([expect.stringMatching(/apology/)]);
    expect(replyProblems([], [apology], '')).toEqual(['no reply']);
    expect(problems('Tên "common.error {{x}}" chưa đúng quy tắc', 'common.error {{x}}')).toEqual([]);
    expect(problems('Xem tenmien.vn và biz.vn')).toEqual([]);
  });

  it('the inputs reach every kind the issue lists', () => {
    const sample = fc.sample(fuzzCase, { seed: 1, numRuns: 2_000 });
    const texts = sample.flatMap((c) => ('text' in c.message ? [c.message.text] : []));
    expect(sample.some((c) => 'choice' in c.message)).toBe(true);
    expect(texts.some((t) => t.length > 5_000)).toBe(true);
    expect(texts.some((t) => /^\/\w+/.test(t))).toBe(true);
    expect(texts.some((t) => /[\u0590-\u06ff]/.test(t))).toBe(true);
    expect(texts.some((t) => /[\u200b-\u200d\ufeff]/.test(t))).toBe(true);
    expect(texts.some((t) => /\p{Extended_Pictographic}/u.test(t))).toBe(true);
    expect(texts.some((t) => /DROP TABLE|<script>/.test(t))).toBe(true);
    expect(texts.some((t) => /\d+\/\d+\/\d+/.test(t))).toBe(true);
  });
});
