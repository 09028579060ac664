/**
 * TEST_USERS (issue #11): test conversations behave normally but write none
 * of the rows stats and exports read — checks, funnel, feedback, registrations.
 */
import { describe, expect, it } from 'vitest';
import { exportChecks } from '../../src/cli/commands/export.js';
import { loadConfig } from '../../src/config.js';
import { createTestApp } from '../support/app.js';
import { conversation } from '../support/conversation.js';

describe('test users', () => {
  it('are absent from stats, the funnel, feedback, registrations and exports; real people are counted', async () => {
    const app = createTestApp({ testUsers: ['console:tester'] });
    const tester = conversation({ app, user: 'tester' });
    await tester.user('tôi 20 tuổi');
    tester.expectBot('Bạn có đồng ý để mình lưu kết quả này không?'); // the conversation itself is unchanged
    await tester.choose('Đồng ý lưu');
    if (tester.lastChoices().some((c) => c.label === 'Bỏ qua')) await tester.choose('Bỏ qua');
    await tester.choose('Không cần');
    await tester.choose('👍 Hữu ích');
    await tester.choose('Bỏ qua');
    await tester.user('mình đã đăng ký tên miền thunghiem.id.vn rồi');

    const real = conversation({ app, user: 'hoa' });
    await real.user('hộ kinh doanh có giấy chứng nhận');
    await real.choose('Không lưu');
    await real.choose('👎 Chưa hữu ích');
    await real.choose('Thiếu thông tin');

    expect(await app.store.records.countChecks()).toEqual([{ track: 'biz.vn', outcome: 'eligible', count: 1 }]);
    expect(exportChecks(await app.store.records.listChecks(), 'csv')).not.toContain('tester');
    expect((await app.store.analytics.funnel()).every((r) => r.track !== 'id.vn')).toBe(true);
    expect(await app.store.analytics.funnel()).toContainEqual(expect.objectContaining({ step: 'started', count: 1 }));
    expect(await app.store.analytics.feedback()).toEqual([{ track: 'biz.vn', helpful: false, category: 'missing_info', count: 1 }]);
    expect(await app.store.records.countRegistrations()).toEqual([]);
    expect(await app.staff.reports.candidates()).toEqual([]);
    // The tester's own consent is still honoured: /mydata works for them.
    await tester.user('/mydata');
    tester.expectBot(/Dữ liệu mình đang lưu/);
  });

  it('TEST_USERS is a comma-separated list of chat addresses; a wrong entry names the fix', () => {
    expect(loadConfig({ TEST_USERS: 'telegram:123, console:local' }).TEST_USERS).toEqual(['telegram:123', 'console:local']);
    expect(loadConfig({}).TEST_USERS).toEqual([]);
    expect(() => loadConfig({ TEST_USERS: 'tester' })).toThrow(/TEST_USERS: is not valid \(got "tester"\)\. List the chat addresses used for testing/);
  });
});
