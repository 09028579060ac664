/**
 * "Thông tin có hữu ích không?" (issue #11): asked once, with the menu after
 * a recorded result; 👍/👎 and at most a category are stored — never the
 * words of a comment, never an address.
 */
import { describe, expect, it } from 'vitest';
import { categoryOf } from '../../src/core/features/feedback/feedback.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { conversation } from '../support/conversation.js';

function feedbackRows(app: TestApp): unknown[] {
  return app.store.db.prepare('SELECT track, helpful, category FROM feedback ORDER BY id').all();
}

function dump(app: TestApp): string {
  const tables = app.store.db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all();
  return tables.map((t) => JSON.stringify(app.store.db.prepare(`SELECT * FROM "${t}"`).all())).join('\n');
}

describe('feedback after a result', () => {
  it('👎 with a typed comment: only its category is kept, with the track and no address', async () => {
    const app = createTestApp();
    const chat = conversation({ app, user: 'thu' });
    await chat.user('tôi 20 tuổi');
    await chat.choose('Không lưu');
    chat.expectBot('Thông tin có hữu ích không?');
    chat.expectBot(/giúp gì/).withChoices(['Gợi ý tên miền id.vn', '👍 Hữu ích', '👎 Chưa hữu ích']);
    await chat.choose('👎 Chưa hữu ích');
    chat.expectBot('Chưa hữu ích ở điểm nào?').withChoices(['Khó hiểu', 'Thiếu thông tin', 'Không đúng trường hợp của tôi', 'Bỏ qua']);
    await chat.user('khó hiểu, mình đọc mãi không ra');
    chat.expectBot('Cảm ơn góp ý của bạn!');
    expect(feedbackRows(app)).toEqual([{ track: 'id.vn', helpful: 0, category: 'unclear' }]);
    expect(dump(app)).not.toContain('đọc mãi');
  });

  it('a comment that is also a question: its category is kept and the question is answered', async () => {
    const app = createTestApp();
    const chat = conversation({ app, user: 'thu' });
    await chat.user('tôi 20 tuổi');
    await chat.choose('Không lưu');
    await chat.choose('👎 Chưa hữu ích');
    await chat.user('thiếu thông tin về phí duy trì sau năm thứ hai');
    chat.expectBot('Cảm ơn góp ý của bạn!');
    chat.expectBot(/Sau 2 năm miễn phí, bạn trả phí để giữ tên miền/);
    expect(feedbackRows(app)).toEqual([{ track: 'id.vn', helpful: 0, category: 'missing_info' }]);
    expect(dump(app)).not.toContain('phí duy trì');
    const columns = app.store.db.prepare<[], string>("SELECT name FROM pragma_table_info('feedback')").pluck().all();
    expect(columns).not.toContain('address');
  });

  it('👍 then a button, and the question is not asked again on the next turn', async () => {
    const app = createTestApp();
    const chat = conversation({ app, user: 'thu' });
    await chat.user('hộ kinh doanh, chưa có giấy phép');
    await chat.choose('Không lưu');
    await chat.choose('👍 Hữu ích');
    await chat.choose('Bỏ qua');
    expect(feedbackRows(app)).toEqual([{ track: 'biz.vn', helpful: 1, category: null }]);
    expect(chat.lastChoices().map((c) => c.label)).not.toContain('👍 Hữu ích');
  });

  it('👍 and then moving on: the answer is kept without a category and the new question is answered', async () => {
    const app = createTestApp();
    const chat = conversation({ app, user: 'thu' });
    await chat.user('tôi 20 tuổi');
    await chat.choose('Không lưu');
    await chat.choose('👍 Hữu ích');
    await chat.user('kiểm tra biz.vn cho cửa hàng của mẹ');
    chat.expectBot(/thuộc loại nào/);
    expect(feedbackRows(app)).toEqual([{ track: 'id.vn', helpful: 1, category: null }]);
  });

  it('with consent it waits for the questions that follow (commune, reminder) and comes with the menu after them', async () => {
    const app = createTestApp();
    const chat = conversation({ app, user: 'thu' });
    await chat.user('tôi 20 tuổi');
    await chat.choose('Đồng ý lưu');
    expect(chat.text()).not.toMatch(/hữu ích/);
    if (chat.lastChoices().some((c) => c.label === 'Bỏ qua')) {
      await chat.choose('Bỏ qua'); // the commune question, when localities are loaded
      expect(chat.text()).not.toMatch(/hữu ích/);
    }
    await chat.choose('Không cần'); // the reminder question
    chat.expectBot('Thông tin có hữu ích không?');
    await chat.choose('👍 Hữu ích');
    await chat.choose('Khó hiểu');
    expect(feedbackRows(app)).toEqual([{ track: 'id.vn', helpful: 1, category: 'unclear' }]);
  });

  it('one question at a time: after the commune question is answered', async () => {
    const app = createTestApp();
    const chat = conversation({ app, user: 'thu' });
    await chat.user('hộ kinh doanh chưa có giấy phép');
    await chat.choose('Đồng ý lưu');
    chat.expectBot('Bạn ở phường/xã nào?');
    expect(chat.text()).not.toMatch(/hữu ích/);
    await chat.user('Kiến An');
    chat.expectBot('Thông tin có hữu ích không?');
    await chat.choose('👎 Chưa hữu ích');
    await chat.choose('Không đúng trường hợp của tôi');
    expect(feedbackRows(app)).toEqual([{ track: 'biz.vn', helpful: 0, category: 'not_my_case' }]);
  });

  it('an old 👍 button does nothing but say it is old', async () => {
    const app = createTestApp();
    const chat = conversation({ app, user: 'thu' });
    await chat.user('xin chào');
    chat.last = await app.replies({ from: chat.address, choice: 'fb:up' });
    chat.expectBot('Lựa chọn này cũ rồi');
    expect(feedbackRows(app)).toEqual([]);
  });

  it.each([
    ['khó hiểu quá', 'unclear'],
    ['kho hieu qua', 'unclear'],
    ['thiếu hướng dẫn, chưa đủ thông tin', 'missing_info'],
    ['không đúng trường hợp của tôi', 'not_my_case'],
    ['ok bạn', 'other'],
  ] as const)('a comment "%s" is filed as %s', (comment, category) => {
    expect(categoryOf(comment)).toBe(category);
  });
});
