import { describe, expect, it } from 'vitest';
import { boundsOf, parsePeriod, parseQuarter, quarterPeriod, reminderDate, reminderDue, reportDeadline, weekStart } from '../../../src/core/reports/period.js';
import { dueAt } from '../../../src/jobs/quarterly-reminder.js';

describe('report periods', () => {
  it('reads quarters the ways staff type them', () => {
    for (const typed of ['2026-Q4', '2026q4', 'Q4-2026', 'q4/2026', '2026 quý 4']) expect(parseQuarter(typed), typed).toEqual({ year: 2026, q: 4 });
    expect(parseQuarter('2026-Q5')).toBeUndefined();
  });

  it('resolves /stats arguments against today (Vietnam dates, inclusive)', () => {
    const today = '2026-11-23';
    expect(parsePeriod('', today)).toEqual({ kind: 'quarter', from: '2026-10-01', to: '2026-12-31', quarter: '2026-Q4' });
    expect(parsePeriod('2026-Q1', today)).toEqual({ kind: 'quarter', from: '2026-01-01', to: '2026-03-31', quarter: '2026-Q1' });
    expect(parsePeriod('week', today)).toEqual({ kind: 'week', from: '2026-11-23', to: '2026-11-23' });
    expect(parsePeriod('tuần', '2026-11-29')).toEqual({ kind: 'week', from: '2026-11-23', to: '2026-11-29' });
    expect(parsePeriod('month', today)).toEqual({ kind: 'month', from: '2026-11-01', to: '2026-11-23' });
    expect(parsePeriod('2026-10-01 2026-10-31', today)).toEqual({ kind: 'range', from: '2026-10-01', to: '2026-10-31' });
    expect(parsePeriod('01/10/2026 - 31/10/2026', today)).toEqual({ kind: 'range', from: '2026-10-01', to: '2026-10-31' });
    for (const bad of ['2026-10-31 2026-10-01', 'hôm qua', '2026-02-30 2026-03-01']) expect(parsePeriod(bad, today), bad).toBeUndefined();
  });

  it('turns a period into UTC bounds of whole Vietnam days', () => {
    expect(boundsOf(quarterPeriod({ year: 2026, q: 4 }))).toEqual({ from: '2026-09-30T17:00:00.000Z', to: '2026-12-31T16:59:59.999Z' });
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(weekStart('2026-11-22')).toBe('2026-11-16');
  });

  it('the report is due before the 10th of the quarter’s last month; the reminder is 3 days before', () => {
    expect(reportDeadline({ year: 2026, q: 4 })).toBe('2026-12-10');
    expect(reminderDate({ year: 2026, q: 4 })).toBe('2026-12-07');
    expect(reminderDate({ year: 2027, q: 1 })).toBe('2027-03-07');
    expect(reminderDue('2026-12-06')).toBeUndefined();
    expect(reminderDue('2026-12-07')).toEqual({ year: 2026, q: 4 });
    expect(reminderDue('2026-12-09')).toEqual({ year: 2026, q: 4 });
    expect(reminderDue('2026-12-10')).toBeUndefined();
    expect(reminderDue('2026-11-07')).toBeUndefined();
  });

  it('the job sends only on those days, between 08:00 and 21:00 Vietnam time', () => {
    expect(dueAt(new Date('2026-12-07T07:59:00+07:00'))).toBeUndefined();
    expect(dueAt(new Date('2026-12-07T08:00:00+07:00'))).toEqual({ year: 2026, q: 4 });
    expect(dueAt(new Date('2026-12-09T20:59:00+07:00'))).toEqual({ year: 2026, q: 4 });
    expect(dueAt(new Date('2026-12-09T21:00:00+07:00'))).toBeUndefined();
  });
});
