import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidLabel, suggestBusiness, suggestDomains, suggestPersonal } from '../../../src/core/domain-name/index.js';

describe('name suggestions', () => {
  it('a Vietnamese full name: diacritics removed, given name and family name combined', () => {
    expect(suggestDomains('Nguyễn Văn An', 'id.vn')).toEqual([
      'nguyenvanan.id.vn',
      'vanan.id.vn',
      'an-nguyen.id.vn',
      'annguyen.id.vn',
      'nguyen-van-an.id.vn',
    ]);
    expect(suggestPersonal('Đặng Thị Ngọc Ánh')).toContain('dangthingocanh');
    expect(suggestPersonal('Đặng Thị Ngọc Ánh')).toContain('anh-dang');
  });

  it('a shop name: the kind of shop is a prefix, the brand alone is offered too', () => {
    expect(suggestDomains('Tạp hóa Minh Châu', 'biz.vn').slice(0, 3)).toEqual([
      'taphoaminhchau.biz.vn',
      'minhchau.biz.vn',
      'taphoa-minhchau.biz.vn',
    ]);
  });

  it('legal forms are left out of an enterprise name', () => {
    expect(suggestBusiness('Công ty TNHH Minh Châu')).toEqual(['minhchau', 'minh-chau']);
    expect(suggestBusiness('CÔNG TY CỔ PHẦN Hùng Phát')[0]).toBe('hungphat');
  });

  it('nothing usable gives no suggestion', () => {
    expect(suggestPersonal('!!! ???')).toEqual([]);
    expect(suggestBusiness('Công ty TNHH')).toEqual([]);
  });

  it('property: every suggestion follows the rules, without repeats', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('id.vn' as const, 'biz.vn' as const), (name, track) => {
        const labels = track === 'id.vn' ? suggestPersonal(name) : suggestBusiness(name);
        expect(new Set(labels).size).toBe(labels.length);
        for (const label of labels) expect(isValidLabel(label), label).toBe(true);
      }),
      { seed: 20261123, numRuns: 2000 },
    );
  });
});
