/** The quarterly report (issue #7) carries a sheet for issue #11: funnel, 👍/👎 and assisted checks of the quarter. */
import { describe, expect, it } from 'vitest';
import { quarterlyReport } from '../../src/core/reports/build.js';
import { parseQuarter } from '../../src/core/reports/period.js';
import { loadProgram } from '../../src/data.js';
import { createTestApp } from '../support/app.js';
import { conversation } from '../support/conversation.js';

describe('quarterly report: the user-journey sheet', () => {
  it('counts the quarter only, with the share of those who started', async () => {
    const app = createTestApp();
    const a = conversation({ app, user: 'a' });
    await a.user('tôi 20 tuổi');
    await a.choose('Không lưu');
    await a.choose('👍 Hữu ích');
    await a.choose('Bỏ qua');
    await conversation({ app, user: 'b' }).user('xin chào');
    app.clock.advanceDays(60); // 22/01/2027: next quarter, not in 2026-Q4
    await conversation({ app, user: 'c' }).user('xin chào');

    const quarter = parseQuarter('2026-Q4');
    if (quarter === undefined) throw new Error('bad quarter');
    const doc = await quarterlyReport(
      quarter,
      { reports: app.staff.reports, countChecks: (q) => app.store.records.countChecks(q), data: loadProgram(), area: 'Phường Kiến An', localityName: (v) => v },
      '2026-12-05',
      (key, params) => app.i18n.t('vi', key, params),
    );
    const sheet = doc.sheets.at(-1);
    expect(sheet?.name).toBe('Hành trình người dùng');
    const [funnel, feedback] = sheet?.tables ?? [];
    expect(funnel?.rows[0]).toEqual(['Bắt đầu trò chuyện', null, null, 2, { percent: 1 }]);
    expect(funnel?.rows[3]).toEqual(['Xem kết quả', 1, 0, 1, { percent: 0.5 }]);
    expect(feedback?.rows.at(-1)).toEqual(['Tổng cộng', 1, 0, { percent: 1 }]);
  });
});
