import { describe, expect, it } from 'vitest';
import { classifyOne, runClassify } from '../../src/cli/commands/classify.js';
import { fixedClock } from '../fakes/clock.js';

const deps = { clock: fixedClock('2026-11-23T09:00:00+07:00') };

async function run(lines: string[] | AsyncIterable<string>): Promise<unknown[]> {
  const out: string[] = [];
  await runClassify(lines, deps, (line) => out.push(line));
  for (const line of out) expect(line).not.toContain('\n');
  return out.map((line) => JSON.parse(line) as unknown);
}

describe('classify: one JSON line in, one JSON line out', () => {
  it('prints intent, confidence and entities, and no signals', async () => {
    const [result] = await run(['{"text":"e 19t co dc dk id.vn free ko ad"}']);
    expect(result).toEqual({ intent: 'check_idvn', confidence: expect.any(Number), entities: { age: 19 } });
    expect(Object.keys(result as object)).toEqual(['intent', 'confidence', 'entities']);
  });

  it('prints {} when there are no entities, and dates as YYYY-MM-DD', async () => {
    const results = await run([
      '{"text":"xin chào"}',
      '{"text":"doanh nghiep thanh lap 10/01/2026 co du dieu kien khong"}',
      '{"text":"sinh 31/02/2004"}',
    ]);
    expect(results[0]).toMatchObject({ intent: 'greeting', entities: {} });
    expect(results[1]).toMatchObject({
      intent: 'check_bizvn',
      entities: { establishedDate: '2026-01-10', businessType: 'enterprise' },
    });
    expect(results[2]).toMatchObject({ intent: 'check_idvn', entities: {} });
  });

  it('uses "today" from the line, else today in Vietnam from the clock', async () => {
    const late = fixedClock('2026-11-23T18:00:00Z'); // already 24 November in Vietnam
    const out: string[] = [];
    await runClassify(['{"text":"cty thanh lap hom qua"}'], { clock: late }, (line) => out.push(line));
    expect(JSON.parse(out[0] ?? '')).toMatchObject({ entities: { establishedDate: '2026-11-23' } });
    const [given] = await run(['{"text":"cty thanh lap hom qua","today":"2026-01-01"}']);
    expect(given).toMatchObject({ entities: { establishedDate: '2025-12-31' } });
  });

  it('keeps the entity keys in schema order', () => {
    const line = classifyOne('{"text":"tôi sinh ngày 1/2/2003, công ty thành lập 1/10/2026, tôi 23 tuổi"}', deps);
    expect(line).toMatch(/"entities":\{"age":23,"birthDate":"2003-02-01","establishedDate":"2026-10-01","businessType":"enterprise"\}/);
  });

  it('answers a bad line with {"error"} naming the fix, and goes on', async () => {
    const results = (await run([
      'not json',
      '{"txt":"hi"}',
      '{"text":42}',
      '["hello"]',
      '{"text":"hi","today":"2026-02-30"}',
      '',
      '{"text":"cảm ơn"}',
    ])) as Record<string, string>[];
    expect(results).toHaveLength(7);
    expect(results[0]?.['error']).toMatch(/not valid JSON.*"text"/);
    expect(results[1]?.['error']).toMatch(/"text" must be a string/);
    expect(results[2]?.['error']).toMatch(/"text" must be a string/);
    expect(results[3]?.['error']).toMatch(/JSON object with "text"/);
    expect(results[4]?.['error']).toMatch(/"today" "2026-02-30" is not a real date/);
    expect(results[5]?.['error']).toMatch(/empty line/);
    expect(results[6]).toMatchObject({ intent: 'thanks_bye' });
  });

  it('reads async lines (stdin) too', async () => {
    async function* lines() {
      yield '{"text":"hotline vnnic"}';
      yield '{"text":"giá vàng hôm nay bao nhiêu"}';
    }
    const results = await run(lines());
    expect(results.map((r) => (r as { intent: string }).intent)).toEqual(['support_contact', 'out_of_scope']);
  });

  it('never throws, even on odd text', async () => {
    const results = await run([JSON.stringify({ text: '\u202e\u200b👨‍👩‍👧 \ud800 '.repeat(500) })]);
    expect(results[0]).toMatchObject({ intent: expect.any(String), entities: expect.any(Object) });
  });
});
