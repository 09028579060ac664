import { describe, expect, it } from 'vitest';
import { foldDiacritics, foldKeepCase, normalize, tokenize, toNfc } from '../../../src/core/nlu/index.js';
import { isVietnameseSyllable } from '../../../src/core/nlu/spelling.js';

const tokens = (text: string): string => normalize(text).tokens.join(' ');

describe('folding', () => {
  it('removes every Vietnamese diacritic and maps đ/Đ to d', () => {
    expect(foldDiacritics('Đăng ký tên miền MIỄN PHÍ được không ạ')).toBe('dang ky ten mien mien phi duoc khong a');
    expect(foldDiacritics('Ưu đãi Ơn Ấy Ỳ ỹ')).toBe('uu dai on ay y y');
  });

  it('gives the same result for NFC and NFD input (keyboards that send combining marks)', () => {
    const nfd = 'Đăng ký'.normalize('NFD');
    expect(foldDiacritics(nfd)).toBe('dang ky');
    expect(toNfc(nfd)).toBe('Đăng ký');
  });

  it('keeps case when asked (referral codes) and drops zero-width characters', () => {
    expect(foldKeepCase('Mã GT: ABC123')).toBe('Ma GT: ABC123');
    expect(foldDiacritics('kh\u200bông')).toBe('khong');
  });
});

describe('tokens', () => {
  it('keeps dates and enterprise codes whole and splits punctuation', () => {
    expect(tokenize('sinh 12/03/2004, mst 0101234567-001!')).toEqual(['sinh', '12/03/2004', 'mst', '0101234567-001']);
    expect(tokenize(foldDiacritics('15.3.04 và 2004-03-15'))).toEqual(['15.3.04', 'va', '2004-03-15']);
  });

  it('splits a number glued to its unit: 19t, 20tuoi, 2nam', () => {
    expect(tokens('e 19t')).toBe('em 19 tuoi');
    expect(tokens('20tuoi')).toBe('20 tuoi');
    expect(tokens('het 2nam')).toBe('het 2 nam');
  });

  it('writes id.vn, id vn and idvn alike, and biz.vn / biz alike', () => {
    expect(tokens('id.vn')).toBe('idvn');
    expect(tokens('ID VN')).toBe('idvn');
    expect(tokens('biz.vn')).toBe('bizvn');
    expect(tokens('ten mien biz')).toBe('ten mien bizvn');
    expect(tokens('com.vn')).toBe('comvn');
    expect(tokens('e-mail')).toBe('email');
  });
});

describe('chat slang', () => {
  it('expands the everyday abbreviations', () => {
    expect(tokens('e 19t co dc dk id.vn free ko ad')).toBe('em 19 tuoi co duoc dang ky idvn mien phi khong admin');
    expect(tokens('cty mk o tp hcm')).toBe('cong ty minh o thanh pho hcm');
    expect(tokens('hkd cho xin sdt ntn j z')).toBe('ho kinh doanh cho xin so dien thoai nhu the nao gi vay');
    expect(tokens('hok, k, kh, khong')).toBe('khong khong khong khong');
    expect(tokens('đki dky đăng kí')).toBe('dang ky dang ky dang ky');
  });

  it('reads "dk" as đăng ký, but as điều kiện after "đủ" or "kiểm tra"', () => {
    expect(tokens('dk o dau')).toBe('dang ky o dau');
    expect(tokens('co du dk ko')).toBe('co du dieu kien khong');
    expect(tokens('kiem tra đk')).toBe('kiem tra dieu kien');
  });

  it('reads "t" as tuổi after a number and as tôi elsewhere', () => {
    expect(tokens('20 t')).toBe('20 tuoi');
    expect(tokens('t muon hoi')).toBe('toi muon hoi');
  });

  it('reads "bn" as bạn after a greeting and as bao nhiêu elsewhere', () => {
    expect(tokens('chao bn')).toBe('chao ban');
    expect(tokens('phi bn')).toBe('phi bao nhieu');
    expect(tokens('bn tuoi')).toBe('bao nhieu tuoi');
  });

  it('reads "sn" before a year as sinh năm', () => {
    expect(tokens('sn 2005')).toBe('sinh nam 2005');
    expect(tokens('sn 12/3/2004')).toBe('sinh ngay 12/3/2004');
  });

  it('turns the citizen ID card names into one token', () => {
    expect(tokens('co can can cuoc cong dan khong')).toBe('co can cccd khong');
    expect(tokens('chứng minh nhân dân')).toBe('cmnd');
  });
});

describe('typos', () => {
  it('un-swaps two letters and fixes one letter in longer words', () => {
    expect(tokens('huogn dan')).toBe('huong dan');
    expect(tokens('thnah lap')).toBe('thanh lap');
    expect(tokens('hộ kinh daonh')).toBe('ho kinh doanh');
    expect(tokens('tahnks')).toBe('cam on');
  });

  it('splits run-together phrases', () => {
    expect(tokens('dangky tenmien mienphi')).toBe('dang ky ten mien mien phi');
  });

  it('fixes a 3-letter swap only when it makes a known phrase with a neighbour', () => {
    expect(tokens('gia hna')).toBe('gia han');
    expect(tokens('hna')).toBe('hna');
  });

  it('never "corrects" a well-formed Vietnamese syllable', () => {
    for (const word of ['thuong', 'nguoi', 'khong', 'truong', 'nghieng', 'gia', 'quy']) {
      expect(isVietnameseSyllable(word)).toBe(true);
      expect(tokens(word)).toBe(word);
    }
    expect(isVietnameseSyllable('daonh')).toBe(false);
    expect(isVietnameseSyllable('mein')).toBe(false);
  });
});
