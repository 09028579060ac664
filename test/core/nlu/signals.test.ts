import { describe, expect, it } from 'vitest';
import { isValidEnterpriseCode, understand } from '../../../src/core/nlu/index.js';

const TODAY = '2026-11-23';
const signals = (text: string) => understand(text, TODAY).signals;

describe('yesNo', () => {
  it.each(['có', 'co', 'dạ có', 'rồi', 'roi a', 'ok', 'đúng rồi', 'vâng', 'ừ', 'có chứ'])('%s → yes', (text) => {
    expect(signals(text).yesNo).toBe(true);
  });

  it.each(['không', 'ko', 'k', 'chưa', 'chua a', 'dạ chưa', 'không có', 'hok'])('%s → no', (text) => {
    expect(signals(text).yesNo).toBe(false);
  });

  it('a question or a long sentence is neither', () => {
    expect(signals('có được không').yesNo).toBeUndefined();
    expect(signals('có à?').yesNo).toBeUndefined();
    expect(signals('tôi 20 tuổi có được đăng ký id.vn miễn phí không').yesNo).toBeUndefined();
    expect(signals('xin chào').yesNo).toBeUndefined();
  });
});

describe('enterprise codes', () => {
  it('a code with a -NNN suffix is a dependent unit', () => {
    expect(signals('chi nhánh mã 0101234567-001')).toMatchObject({ enterpriseCode: '0101234567-001', dependentUnit: true });
  });

  it('a plain 10-digit code counts with a tax-code word or a valid check digit', () => {
    expect(signals('mst 0101234567')).toMatchObject({ enterpriseCode: '0101234567', dependentUnit: false });
    expect(signals('0100233488')).toMatchObject({ enterpriseCode: '0100233488' });
    expect(signals('0100233480').enterpriseCode).toBeUndefined();
  });

  it('a phone number is not an enterprise code', () => {
    expect(signals('sdt cua toi 0912345678').enterpriseCode).toBeUndefined();
  });

  it('checks the check digit (weights 31,29,23,19,17,13,7,5,3)', () => {
    expect(isValidEnterpriseCode('0100233488')).toBe(true);
    expect(isValidEnterpriseCode('0100233480')).toBe(false);
    expect(isValidEnterpriseCode('010023348')).toBe(false);
  });
});

describe('hasCertificate', () => {
  it.each([
    'có giấy phép',
    'có giấy chứng nhận đăng ký hộ kinh doanh',
    'hộ kinh doanh của tôi đã đăng ký rồi',
    'tiệm mình có gpkd',
    'da co giay phep kinh doanh',
  ])('%s → true', (text) => {
    expect(signals(text).hasCertificate).toBe(true);
  });

  it.each([
    'chưa có giấy phép',
    'bán online chưa đăng ký',
    'tôi bán hàng online chưa có giấy phép kinh doanh thì sao',
    'ko co giay phep',
    'shop mình chưa đăng ký kinh doanh',
  ])('%s → false', (text) => {
    expect(signals(text).hasCertificate).toBe(false);
  });

  it('asking whether a licence is needed says nothing about having one', () => {
    expect(signals('cần có giấy phép không').hasCertificate).toBeUndefined();
    expect(signals('đăng ký biz.vn cần giấy chứng nhận đăng ký kinh doanh không').hasCertificate).toBeUndefined();
    expect(signals('em chưa đăng ký tên miền').hasCertificate).toBeUndefined();
  });
});

describe('foreigner', () => {
  it.each(['tôi là người nước ngoài', 'I am not Vietnamese', 'minh la nguoi nuoc ngoai', 'tôi quốc tịch Hàn Quốc'])(
    '%s',
    (text) => {
      expect(signals(text).foreigner).toBe(true);
    },
  );

  it('not when they say they are not a foreigner', () => {
    expect(signals('tôi không phải người nước ngoài').foreigner).toBeUndefined();
  });
});

describe('referralCode', () => {
  it.each([
    ['ma GT: ABC123', 'ABC123'],
    ['mã giới thiệu abc_123', 'abc_123'],
    ['ref ABC123', 'ABC123'],
    ['Mã GT là XY-9', 'XY-9'],
    ['ref: doanthanhnien', 'doanthanhnien'],
  ])('%s → %s', (text, code) => {
    expect(signals(text).referralCode).toBe(code);
  });

  it('not a word after "mã giới thiệu" without a digit or a colon', () => {
    expect(signals('mã giới thiệu của tôi').referralCode).toBeUndefined();
    expect(signals('link gioi thieu cua toi').referralCode).toBeUndefined();
  });

  it('not longer than 64 characters', () => {
    expect(signals(`ref ${'A1'.repeat(40)}`).referralCode).toBeUndefined();
  });
});
