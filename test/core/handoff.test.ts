/** The handoff's pure parts (issue #11): on-duty hours in Vietnam time and the staff reply codes. */
import { describe, expect, it } from 'vitest';
import { parseStaffReply, staffOnDuty, type HandoffData } from '../../src/core/handoff.js';

const DATA: HandoffData = {
  staffChat: 'telegram:-100777',
  hours: { mon: ['07:30-11:30', '13:30-17:00'], tue: [], wed: [], thu: [], fri: [], sat: ['08:00-10:00'], sun: [] },
};
const at = (iso: string) => new Date(iso);

describe('staffOnDuty', () => {
  it('follows the weekday ranges in Vietnam time, the end minute excluded', () => {
    expect(staffOnDuty(DATA, at('2026-11-23T07:30:00+07:00'))).toBe(true); // Monday
    expect(staffOnDuty(DATA, at('2026-11-23T07:29:00+07:00'))).toBe(false);
    expect(staffOnDuty(DATA, at('2026-11-23T11:30:00+07:00'))).toBe(false);
    expect(staffOnDuty(DATA, at('2026-11-23T16:59:00+07:00'))).toBe(true);
    expect(staffOnDuty(DATA, at('2026-11-24T09:00:00+07:00'))).toBe(false); // Tuesday: nobody
    expect(staffOnDuty(DATA, at('2026-11-28T09:00:00+07:00'))).toBe(true); // Saturday morning
  });

  it('uses the Vietnamese calendar day across UTC midnight', () => {
    // 01:30 UTC on Monday is 08:30 Monday in Vietnam; 23:30 UTC Sunday is 06:30 Monday.
    expect(staffOnDuty(DATA, at('2026-11-23T01:30:00Z'))).toBe(true);
    expect(staffOnDuty(DATA, at('2026-11-22T23:30:00Z'))).toBe(false);
    expect(staffOnDuty(DATA, at('2026-11-23T00:45:00Z'))).toBe(true);
  });

  it('nobody is on duty without a staff chat', () => {
    expect(staffOnDuty({ ...DATA, staffChat: null }, at('2026-11-23T09:00:00+07:00'))).toBe(false);
  });
});

describe('parseStaffReply', () => {
  it.each([
    ['#H12 Chị mang giấy tờ nhé', { id: 12, answer: 'Chị mang giấy tờ nhé' }],
    ['#h12: được ạ', { id: 12, answer: 'được ạ' }],
    ['/reply H7 vâng', { id: 7, answer: 'vâng' }],
    ['/reply@tenmien_bot #H7 vâng\ndòng hai', { id: 7, answer: 'vâng\ndòng hai' }],
    ['#H5', { id: 5, answer: '' }],
  ] as const)('%j', (text, expected) => {
    expect(parseStaffReply(text)).toEqual(expected);
  });

  it.each(['#Hôm nay', 'H12 trả lời', '/replyH12 x', '#12 x'])('%j is not a reply', (text) => {
    expect(parseStaffReply(text)).toBeUndefined();
  });
});
