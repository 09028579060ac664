/** Chat /stats: registrations (issue #9) appear as a last column of the per-track table when given. */
import { describe, expect, it } from 'vitest';
import { statsText } from '../../../src/core/reports/stats-text.js';
import type { StatsRows } from '../../../src/core/reports/types.js';

const t = (key: string) => key;
const names = { locality: (v: string) => v, referrer: (c: string) => c };
const period = { kind: 'range' as const, from: '2026-11-01', to: '2026-11-30' };
const rows: StatsRows = {
  byTrack: [
    { key: null, track: 'id.vn', outcome: 'eligible', count: 5 },
    { key: null, track: 'biz.vn', outcome: 'eligible', count: 2 },
  ],
  byReason: [],
  byLocality: [],
  byChannel: [],
  byReferrer: [],
  byWeek: [],
};

describe('statsText with registrations', () => {
  it('adds a "registered" column next to the checks, with a total', () => {
    const text = statsText(period, rows, t, names, [{ track: 'id.vn', count: 3 }, { track: 'biz.vn', count: 1 }]);
    expect(text).toMatch(/staff\.report\.col_reg/);
    expect(text).toMatch(/id\.vn\s+5\s+5\s+0\s+0\s+3\n/);
    expect(text).toMatch(/biz\.vn\s+2\s+2\s+0\s+0\s+1\n/);
    expect(text).toMatch(/staff\.col\.total\s+7\s+7\s+0\s+0\s+4/);
  });

  it('without registrations the table is unchanged', () => {
    expect(statsText(period, rows, t, names)).not.toMatch(/col_reg/);
  });
});
