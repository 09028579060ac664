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

describe('telex leftovers (typed with the input method off)', () => {
  it('reads doubled vowels, w, dd and the tone letters as the plain word', () => {
    expect(tokens('ddawng kys id.vn 22 tuooir dduwowcj khoong')).toBe('dang ky idvn 22 tuoi duoc khong');
    expect(tokens('hooj kinh doanh cos giaays pheps')).toBe('ho kinh doanh co giay phep');
    expect(tokens('mieenx phis bao laau')).toBe('mien phi bao lau');
    expect(tokens('xin chaof banj, camr own')).toBe('xin chao ban cam on');
  });

  it('leaves English, slang and real syllables alone', () => {
    expect(tokens('users')).toBe('users');
    expect(tokens('free')).toBe('mien phi');
    expect(tokens('mjnh dcj')).toBe('minh duoc');
    for (const word of ['khong', 'nguoi', 'tuoi']) expect(tokens(word)).toBe(word);
  });
});

describe('regional words', () => {
  it('reads Central and Southern speech where its meaning is the only sensible one', () => {
    expect(tokens('đăng ký ở mô rứa')).toBe('dang ky o dau vay');
    expect(tokens('làm răng để đăng ký')).toBe('lam sao de dang ky');
    expect(tokens('hết 2 năm thì răng')).toBe('het 2 nam thi sao');
    expect(tokens('giấy tờ chi rứa')).toBe('giay to gi vay');
    expect(tokens('mần răng')).toBe('lam sao');
    expect(tokens('tui đăng ký được hông nghen')).toBe('toi dang ky duoc khong nhe');
    expect(tokens('hổng có giấy phép')).toBe('khong co giay phep');
    expect(tokens('cám ơn hen')).toBe('cam on nhe');
  });

  it('keeps the other readings of the same folded words', () => {
    expect(tokens('mới mở công ty')).toBe('moi mo cong ty');
    expect(tokens('đau răng')).toBe('dau rang');
    expect(tokens('chi nhánh công ty')).toBe('chi nhanh cong ty');
    expect(tokens('chào chị')).toBe('chao chi');
    expect(tokens('hẹn gặp lại')).toBe('hen gap lai');
    expect(tokens('rửa xe')).toBe('rua xe');
    expect(tokens('rò rỉ thông tin')).toBe('ro ri thong tin');
  });

  it('"đẻ" before a past year or birth date is "sinh"; "để năm sau" stays', () => {
    expect(tokens('đẻ năm 2008')).toBe('sinh nam 2008');
    expect(tokens('chau toi de nam 2006')).toBe('chau toi sinh nam 2006');
    expect(tokens('đẻ 2k6')).toBe('sinh 2k6');
    expect(tokens('để năm sau đăng ký')).toBe('de nam sau dang ky');
    expect(tokens('để ngày mai')).toBe('de ngay mai');
  });
});

describe('concrete domain names', () => {
  it('keep their labels and are marked as a name, not as the id.vn / biz.vn programme', () => {
    expect(tokens('lanbakery.biz.vn có ai đăng ký chưa')).toBe('lanbakery tenmien_bizvn co ai dang ky chua');
    expect(tokens('an2004.id.vn')).toBe('an2004 tenmien_idvn');
    expect(tokens('tiemhoa-maiphuong.biz.vn')).toBe('tiemhoa maiphuong tenmien_bizvn');
    expect(tokens('www.pho24.vn')).toBe('pho24 tenmien_vn');
    expect(tokens('id.vn với biz.vn')).toBe('idvn voi bizvn');
  });
});
