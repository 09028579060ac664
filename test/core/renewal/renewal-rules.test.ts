/** The renewal feature's pure parts (issue #22): dates, sending hours and what a message says. */
import { describe, expect, it } from 'vitest';
import { freeUntilOf, outsideHours, registrationDateProblem, reminderTimes, DEFAULT_RENEWAL } from '../../../src/core/renewal/dates.js';
import { asksFreeUntil, asksReminders, renewedClaim } from '../../../src/core/renewal/detect.js';
import { loadProgram } from '../../../src/data.js';

const data = loadProgram();
const TODAY = '2026-11-23';

describe('free period dates', () => {
  it('ends program.freeYears after the registration day; 29 Feb falls on 1 Mar', () => {
    expect(freeUntilOf('2025-03-15', data)).toBe('2027-03-15');
    expect(freeUntilOf('2024-02-29', data)).toBe('2026-03-01');
  });

  it('reminders 60, 30 and 7 days before at 09:00 Vietnam time, only those still ahead', () => {
    expect(reminderTimes('2027-03-15', new Date('2026-11-23T03:00:00Z'), DEFAULT_RENEWAL)).toEqual([
      '2027-01-14T02:00:00.000Z', '2027-02-13T02:00:00.000Z', '2027-03-08T02:00:00.000Z',
    ]);
    expect(reminderTimes('2027-03-15', new Date('2027-02-20T03:00:00Z'), DEFAULT_RENEWAL)).toEqual(['2027-03-08T02:00:00.000Z']);
    expect(reminderTimes('2027-03-15', new Date('2027-03-10T03:00:00Z'), DEFAULT_RENEWAL)).toEqual([]);
  });

  it('a registration day in the future or before the program window is refused', () => {
    expect(registrationDateProblem('2026-11-24', TODAY, data)).toBe('future');
    expect(registrationDateProblem('2023-05-31', TODAY, data)).toBe('before_window');
    expect(registrationDateProblem('2023-06-01', TODAY, data)).toBeUndefined();
    expect(registrationDateProblem(TODAY, TODAY, data)).toBeUndefined();
  });

  it('sending hours 08:00–21:00 Vietnam time: outside them, the next opening', () => {
    const hours = DEFAULT_RENEWAL.hours;
    expect(outsideHours(new Date('2027-01-14T01:00:00Z'), hours)).toBeUndefined(); // 08:00
    expect(outsideHours(new Date('2027-01-14T13:59:00Z'), hours)).toBeUndefined(); // 20:59
    expect(outsideHours(new Date('2027-01-14T14:00:00Z'), hours)?.toISOString()).toBe('2027-01-15T01:00:00.000Z'); // 21:00 → 08:00 next day
    expect(outsideHours(new Date('2027-01-14T17:30:00Z'), hours)?.toISOString()).toBe('2027-01-15T01:00:00.000Z'); // 00:30 → 08:00 same day
  });
});

describe('what a message says about renewal', () => {
  it.each([
    'tên miền của tôi hết hạn miễn phí khi nào',
    'ten mien cua minh het mien phi khi nao vay',
    'bao giờ tên miền của em hết thời gian miễn phí',
    'đăng ký ngày 15/3/2025 thì hết miễn phí khi nào',
    'when does my free period end',
  ])('"%s" asks when the free period ends', (text) => {
    expect(asksFreeUntil(text, TODAY)).toBe(true);
  });

  it.each([
    'hết hạn thì sao',
    'gia hạn id.vn mất bao nhiêu',
    'em sinh 15/3/2005 thì id.vn hết hạn khi nào',
    'cty thành lập 10/1/2026 hết hạn đăng ký khi nào',
    'ưu đãi của mình hết hạn khi nào',
    'sau 2 năm không gia hạn thì sao',
  ])('"%s" is not that question (left to the intents)', (text) => {
    expect(asksFreeUntil(text, TODAY)).toBe(false);
  });

  it('"đã gia hạn" claims, with the track when said; questions and other papers are not claims', () => {
    expect(renewedClaim('mình đã gia hạn rồi')).toEqual({});
    expect(renewedClaim('đã gia hạn hoten.id.vn')).toEqual({ track: 'id.vn' });
    expect(renewedClaim('tôi đã gia hạn biz.vn')).toEqual({ track: 'biz.vn' });
    expect(renewedClaim('gia hạn xong rồi nhé')).toEqual({});
    for (const text of ['đã gia hạn chưa', 'có tự động gia hạn không', 'cty đã gia hạn giấy phép rồi', 'gia hạn bao nhiêu tiền?']) {
      expect(renewedClaim(text), text).toBeUndefined();
    }
  });

  it('"nhắc gia hạn" asks for the reminders', () => {
    expect(asksReminders('nhắc gia hạn')).toEqual({});
    expect(asksReminders('Nhắc gia hạn biz.vn')).toEqual({ track: 'biz.vn' });
    expect(asksReminders('remind me to renew')).toEqual({});
    expect(asksReminders('nhắc gia hạn bao nhiêu tiền')).toBeUndefined();
  });
});
