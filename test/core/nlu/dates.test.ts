import { describe, expect, it } from 'vitest';
import { findDates, normalize, understand } from '../../../src/core/nlu/index.js';
import { expandYear } from '../../../src/core/nlu/dates.js';

const TODAY = '2026-11-23';
const dates = (text: string, today = TODAY) => findDates(normalize(text).padded, today);
const birth = (text: string, today = TODAY) => understand(text, today).entities.birthDate;
const founded = (text: string, today = TODAY) => understand(text, today).entities.establishedDate;

describe('day-first dates in every way people write them', () => {
  it.each([
    ['sinh 15/3/2004', '2004-03-15'],
    ['sinh 15-03-2004', '2004-03-15'],
    ['sinh 15.3.04', '2004-03-15'],
    ['sinh 2004-03-15', '2004-03-15'],
    ['sinh ngày 15 tháng 3 năm 2004', '2004-03-15'],
    ['sinh ngay 15 thang 3 nam 2004', '2004-03-15'],
    ['sinh ngày 15 tháng 3, 2004', '2004-03-15'],
    ['mùng 5 tháng 3 năm 2004', '2004-03-05'],
    ['ngay sinh: 01/01/2000', '2000-01-01'],
    ['sn 12/3/2004', '2004-03-12'],
    ['12/03/2004', '2004-03-12'],
  ])('%s → %s', (text, iso) => {
    expect(birth(text)).toBe(iso);
  });

  it('never reads a date month-first', () => {
    expect(birth('sinh 05/03/2004')).toBe('2004-03-05');
  });
});

describe('two-digit years', () => {
  it('are 20yy when that is not after this year, else 19yy', () => {
    expect(expandYear('04', TODAY)).toBe(2004);
    expect(expandYear('26', TODAY)).toBe(2026);
    expect(expandYear('27', TODAY)).toBe(1927);
    expect(expandYear('99', TODAY)).toBe(1999);
    expect(birth('sinh 5/3/99')).toBe('1999-03-05');
    expect(birth('sinh 5/3/04')).toBe('2004-03-05');
  });

  it('move with the reference date', () => {
    expect(expandYear('27', '2027-01-01')).toBe(2027);
  });
});

describe('impossible dates', () => {
  it.each(['31/02/2004', '30/2/2004', '29/02/2023', '15/13/2004', '32/1/2004'])(
    '%s gives no date entity and an impossibleDate signal',
    (raw) => {
      const u = understand(`em sinh ${raw} co duoc ko`, TODAY);
      expect(u.entities).toEqual({});
      expect(u.signals.impossibleDate).toBe(raw);
      expect(u.intent).toBe('check_idvn');
    },
  );

  it('a date written in words is reported day/month/year', () => {
    const u = understand('sinh ngày 31 tháng 2 năm 2004', TODAY);
    expect(u.entities.birthDate).toBeUndefined();
    expect(u.signals.impossibleDate).toBe('31/2/2004');
  });

  it('29 February exists in leap years only', () => {
    expect(birth('sinh 29/02/2004')).toBe('2004-02-29');
    expect(understand('sinh 29/02/2005', TODAY).signals.impossibleDate).toBe('29/02/2005');
  });

  it('an impossible founding date counts towards the biz.vn check', () => {
    expect(understand('cty thanh lap 31/4/2026', TODAY).intent).toBe('check_bizvn');
  });
});

describe('relative expressions, with a fixed today (2026-11-23)', () => {
  it('"hôm qua / hôm nay" after "thành lập" is a founding date', () => {
    expect(founded('cty mới thành lập hôm qua')).toBe('2026-11-22');
    expect(founded('doanh nghiệp thành lập hôm nay')).toBe('2026-11-23');
  });

  it('"năm ngoái / năm nay" complete a day and month', () => {
    expect(founded('công ty thành lập ngày 5 tháng 3 năm ngoái')).toBe('2025-03-05');
    expect(founded('công ty thành lập ngày 5 tháng 3 năm nay')).toBe('2026-03-05');
  });

  it('"ngày 2 tháng này / tháng trước" use this or last month', () => {
    expect(founded('thành lập ngày 2 tháng này')).toBe('2026-11-02');
    expect(founded('thành lập ngày 20 tháng trước')).toBe('2026-10-20');
    expect(founded('thành lập ngày 20 tháng trước', '2026-01-15')).toBe('2025-12-20');
  });

  it('a day and month without a year is the latest such day not after today', () => {
    expect(founded('thành lập 10/3')).toBe('2026-03-10');
    expect(founded('thành lập 10/12')).toBe('2025-12-10');
  });

  it('a month without a day gives no establishment date (the flow asks for it)', () => {
    expect(founded('cty minh moi thanh lap thang 3 nam ngoai')).toBeUndefined();
    expect(founded('công ty tôi mới thành lập tháng 3 năm nay')).toBeUndefined();
    expect(founded('DN thành lập 3/2026')).toBeUndefined();
  });

  it('"hôm nay" without a founding word is not a date', () => {
    expect(understand('giá vàng hôm nay', TODAY).entities).toEqual({});
  });
});

describe('date mentions', () => {
  it('report where they are and what they hold', () => {
    const [mention] = dates('sinh thang 3/2004');
    expect(mention).toMatchObject({ raw: 'thang 3/2004', month: 3, year: 2004, impossible: false });
    expect(mention?.day).toBeUndefined();
  });

  it('are not found in phone numbers or plain numbers', () => {
    expect(dates('goi 0912.345.678 nhe')).toEqual([]);
    expect(dates('het 2 nam')).toEqual([]);
  });
});
