import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkName, fixLabel, isValidLabel, splitDomain, violationsOf } from '../../../src/core/domain-name/index.js';

const rules = (label: string) => violationsOf(label).map((v) => v.rule);

describe('domain name rules (RULES.md "Names")', () => {
  it('accepts letters a–z, digits and single inner hyphens, up to 63 characters', () => {
    for (const ok of ['nguyenvanan', 'an-nguyen', 'taphoa-minhchau', 'shop24h', 'a', '0', 'a'.repeat(63), 'NguyenVanAn']) {
      expect(rules(ok), ok).toEqual([]);
    }
  });

  it('names each broken rule, every one of them', () => {
    expect(rules('')).toEqual(['empty']);
    expect(rules('nguyễnvănan')).toEqual(['diacritics']);
    expect(violationsOf('đức')).toEqual([{ rule: 'diacritics', chars: 'đ ứ' }]);
    expect(rules('nguyen van an')).toEqual(['spaces']);
    expect(rules('an.nguyen')).toEqual(['dot']);
    expect(violationsOf('an_nguyen!')).toEqual([{ rule: 'invalid_chars', chars: '_ !' }]);
    expect(rules('-annguyen')).toEqual(['leading_hyphen']);
    expect(rules('annguyen-')).toEqual(['trailing_hyphen']);
    expect(rules('an--nguyen')).toEqual(['double_hyphen']);
    expect(violationsOf('a'.repeat(64))).toEqual([{ rule: 'too_long', length: 64 }]);
    expect(rules('-Nguyễn Văn_An--')).toEqual(['diacritics', 'spaces', 'invalid_chars', 'leading_hyphen', 'trailing_hyphen', 'double_hyphen']);
  });

  it('takes the track from the suffix, else from the context', () => {
    expect(splitDomain('nguyenvanan.id.vn', 'biz.vn')).toEqual({ label: 'nguyenvanan', track: 'id.vn', suffixed: true });
    expect(splitDomain('TapHoa.BIZ.VN', 'id.vn')).toEqual({ label: 'TapHoa', track: 'biz.vn', suffixed: true });
    expect(splitDomain('minhchau', 'biz.vn')).toEqual({ label: 'minhchau', track: 'biz.vn', suffixed: false });
    expect(checkName('NguyenVanAn.id.vn', 'biz.vn')).toEqual({ ok: true, label: 'nguyenvanan', track: 'id.vn', domain: 'nguyenvanan.id.vn' });
  });

  it('offers the closest valid name for a broken one', () => {
    expect(checkName('Nguyễn Văn An.id.vn', 'id.vn')).toMatchObject({ ok: false, fixed: 'nguyenvanan.id.vn' });
    expect(checkName('-an--nguyen-', 'id.vn')).toMatchObject({ ok: false, fixed: 'an-nguyen.id.vn' });
    expect(checkName('!!!', 'id.vn')).not.toHaveProperty('fixed');
  });

  it('property: a fixed label always follows the rules', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (typed) => {
        const fixed = fixLabel(typed);
        if (fixed !== undefined) expect(isValidLabel(fixed), fixed).toBe(true);
      }),
      { seed: 20261123, numRuns: 2000 },
    );
  });
});
