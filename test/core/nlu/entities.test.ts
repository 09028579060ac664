import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/core/nlu/index.js';
import { parseNumberWords } from '../../../src/core/nlu/number-words.js';

const TODAY = '2026-11-23';
const entities = (text: string) => understand(text, TODAY).entities;

describe('age', () => {
  it.each([
    ['tôi 20 tuổi', 20],
    ['toi 20 tuoi', 20],
    ['e 19t co dc dk ko', 19],
    ['mình 22t, sv năm cuối', 22],
    ['năm nay 20', 20],
    ['nam nay em 21 roi', 21],
    ['hai mươi tuổi', 20],
    ['em mười chín tuổi', 19],
    ['hai mốt tuổi', 21],
    ['con tôi 17 tuổi', 17],
    ['I am 20 years old', 20],
  ])('%s → %i', (text, age) => {
    expect(entities(text)).toEqual({ age });
  });

  it('a number after a comparison word is the rule, not an age', () => {
    expect(entities('dưới 18 tuổi có được không')).toEqual({});
    expect(entities('từ 18 đến 23 tuổi à')).toEqual({});
    expect(entities('trên 23 tuổi thì sao')).toEqual({});
  });

  it('durations and years of study are not ages', () => {
    expect(entities('sinh viên năm 2 có được tên miền free không')).toEqual({});
    expect(entities('hết 2 năm thì mất phí bao nhiêu')).toEqual({});
    expect(entities('cty mình thành lập được 2 năm rồi')).toEqual({ businessType: 'enterprise' });
  });
});

describe('number words', () => {
  it.each([
    [['muoi', 'tam'], 18],
    [['hai', 'muoi'], 20],
    [['hai', 'muoi', 'mot'], 21],
    [['hai', 'lam'], 25],
    [['ham', 'hai'], 22],
    [['ba', 'muoi', 'tu'], 34],
    [['nam'], 5],
  ])('%j → %i', (words, value) => {
    expect(parseNumberWords(words)).toBe(value);
  });

  it('rejects sequences that are not one number', () => {
    expect(parseNumberWords(['lam'])).toBeUndefined();
    expect(parseNumberWords(['mot', 'hai'])).toBeUndefined();
  });
});

describe('birthYear', () => {
  it.each([
    ['sinh năm 2005', 2005],
    ['em sinh nam 2005 thi co duoc khong a', 2005],
    ['sn 2005', 2005],
    ['năm sinh 2003', 2003],
    ['tôi sinh năm 05', 2005],
    ['em 2k5 dk dc ko', 2005],
    ['mình 2k4', 2004],
    ['em 2005 co duoc ko', 2005],
    ['2005', 2005],
    ['sinh tháng 3/2004', 2004],
    ['born in 2004', 2004],
  ])('%s → %i', (text, birthYear) => {
    expect(entities(text)).toEqual({ birthYear });
  });

  it('ignores years in the future and years that are not about birth', () => {
    expect(entities('sinh năm 2030')).toEqual({});
    expect(entities('kế hoạch 2026-2030')).toEqual({});
    expect(entities('quyết định 507 năm 2026')).toEqual({});
  });
});

describe('birthDate', () => {
  it('a birth date does not also give birthYear or age', () => {
    expect(entities('minh sinh ngay 12/03/2004, co du dieu kien id.vn ko')).toEqual({ birthDate: '2004-03-12' });
    expect(entities('sinh 15/3/2004')).toEqual({ birthDate: '2004-03-15' });
  });

  it('a day and month without a year is not a birth date', () => {
    expect(entities('sinh ngày 5/3')).toEqual({});
  });
});

describe('establishedDate and businessType', () => {
  it('a founding date with a day gives both', () => {
    expect(entities('doanh nghiep thanh lap 10/01/2026 co du dieu kien khong')).toEqual({
      establishedDate: '2026-01-10',
      businessType: 'enterprise',
    });
    expect(entities('cty e thành lập ngày 1 tháng 9 năm 2026')).toEqual({
      establishedDate: '2026-09-01',
      businessType: 'enterprise',
    });
  });

  it('a bare date in a message about a business is its founding date', () => {
    expect(entities('công ty TNHH của mình, ngày 5/3/2026')).toEqual({
      establishedDate: '2026-03-05',
      businessType: 'enterprise',
    });
  });

  it('the nearest cue decides whose date it is', () => {
    expect(entities('tôi sinh ngày 1/2/2003, công ty thành lập 1/10/2026')).toEqual({
      birthDate: '2003-02-01',
      establishedDate: '2026-10-01',
      businessType: 'enterprise',
    });
  });

  it.each([
    ['tôi có hộ kinh doanh bán tạp hóa', 'household'],
    ['hkd cua minh co duoc ko', 'household'],
    ['bên em là hộ cá thể', 'household'],
    ['cty mình thành lập được 2 năm rồi', 'enterprise'],
    ['công ty cổ phần của tôi', 'enterprise'],
    ['startup cua em vua thanh lap', 'enterprise'],
    ['DN mình mới mở', 'enterprise'],
    ['tiệm của mình có giấy phép kinh doanh', 'household'],
    ['quán cafe nhà mình có đăng ký kinh doanh rồi', 'household'],
  ])('%s → %s', (text, businessType) => {
    expect(entities(text).businessType).toBe(businessType);
  });

  it('a general question about businesses names no business type', () => {
    expect(entities('tên miền cho doanh nghiệp biz.vn có gì')).toEqual({});
    expect(entities('biz.vn dành cho doanh nghiệp nào')).toEqual({});
    expect(entities('đăng ký doanh nghiệp cần gì')).toEqual({});
  });

  it('a shop without a licence is not (yet) a household business', () => {
    expect(entities('tôi bán hàng online chưa có giấy phép kinh doanh thì sao')).toEqual({});
    expect(entities('quán mình chưa có giấy phép')).toEqual({});
  });
});
