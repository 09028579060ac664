import { describe, expect, it } from 'vitest';
import { INTENTS, understand } from '../../../src/core/nlu/index.js';
import type { Intent } from '../../../src/core/nlu/types.js';
import { PHRASINGS } from './phrasings.js';

const TODAY = '2026-11-23';
const intentOf = (text: string): Intent => understand(text, TODAY).intent;
const cases = Object.entries(PHRASINGS).flatMap(([intent, texts]) => texts.map((text) => [intent, text] as const));

describe('our own phrasings, one intent each', () => {
  it('cover every intent with several phrasings', () => {
    for (const intent of INTENTS) expect(PHRASINGS[intent].length).toBeGreaterThanOrEqual(5);
  });

  it.each(cases)('%s: %s', (intent, text) => {
    expect(intentOf(text)).toBe(intent);
  });
});

describe('as people really type', () => {
  it.each([
    ['check_idvn', 'e 19t co dc dk id.vn free ko ad'],
    ['check_idvn', 'E 19T CÓ ĐC ĐK ID.VN FREE KO AD'],
    ['check_bizvn', 'cty minh moi thanh lap thang 3 nam ngoai'],
    ['after_free', 'hết 2 năm thì mất phí bao nhiêu'],
    ['after_free', 'het 2 nam thi mat phi bao nhieu'],
    ['how_register', 'huogn dan dnag ky'],
    ['how_register', 'dangky o dau'],
    ['free_what', 'mienphi bao lau'],
    ['check_bizvn', 'doanh ngheip thnah lap 10/01/2026'],
    ['thanks_bye', 'tahnks ad'],
    ['documents', 'có cần cccd ko ạ'],
    ['support_contact', 'hotline vnnic la bn'],
    ['human', 'cho e gap ad'],
  ] as const)('%s: %s', (intent, text) => {
    expect(intentOf(text)).toBe(intent);
  });
});

describe('what the message states steers the intent', () => {
  it('an age or a birth date alone is an id.vn check', () => {
    expect(intentOf('20 tuổi')).toBe('check_idvn');
    expect(intentOf('15/3/2004')).toBe('check_idvn');
    expect(intentOf('2k5')).toBe('check_idvn');
  });

  it('a founding date or a business alone is a biz.vn check', () => {
    expect(intentOf('thành lập 01/02/2026')).toBe('check_bizvn');
    expect(intentOf('hộ kinh doanh nhà mình')).toBe('check_bizvn');
    expect(intentOf('mst 0101234567-001')).toBe('check_bizvn');
  });
});

describe('out_of_scope', () => {
  it.each(['', '   ', '😀', '???', 'asdkjh qwe', 'giá xăng hôm nay', 'mua tên miền .com ở đâu', 'làm căn cước ở đâu'])(
    '%j',
    (text) => {
      expect(intentOf(text)).toBe('out_of_scope');
    },
  );

  it('a .vn domain question is not out of scope because it mentions .com', () => {
    expect(intentOf('ten mien biz vn khac gi com.vn')).toBe('bizvn_info');
    expect(intentOf('tên miền .vn tốt hơn .com chỗ nào')).toBe('benefits');
  });
});

describe('confidence and alternatives', () => {
  it('confidence is in 0..1 and higher for a clear message than for a vague one', () => {
    const clear = understand('cho tôi số hotline hỗ trợ', TODAY);
    const vague = understand('có được không', TODAY);
    for (const u of [clear, vague]) {
      expect(u.confidence).toBeGreaterThanOrEqual(0);
      expect(u.confidence).toBeLessThanOrEqual(1);
    }
    expect(clear.confidence).toBeGreaterThan(vague.confidence);
  });

  it('alternatives are other intents, best first, without repeats', () => {
    const u = understand('25 tuổi còn được miễn phí không', TODAY);
    expect(u.intent).toBe('check_idvn');
    expect(u.alternatives).toContain('free_what');
    expect(u.alternatives).not.toContain(u.intent);
    expect(new Set(u.alternatives).size).toBe(u.alternatives.length);
  });
});
