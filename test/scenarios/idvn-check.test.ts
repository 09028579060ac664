import { afterEach, describe, it } from 'vitest';
import { conversation, type Conversation } from '../support/conversation.js';

let chat: Conversation;
afterEach(() => chat.app.close());

describe('id.vn check', () => {
  it('by buttons: a 20-year-old learns the last eligible day and the next steps', async () => {
    chat = conversation();
    await chat.user('/start');
    chat.expectBot(/Xin chào/).withChoices(['Kiểm tra id.vn (18–23 tuổi)', 'Kiểm tra biz.vn (doanh nghiệp, hộ KD)']);
    await chat.choose('Kiểm tra id.vn (18–23 tuổi)');
    chat.expectBot(/sinh ngày nào/);
    await chat.user('15/3/2006');
    chat.expectBot(/đủ điều kiện nhận tên miền id\.vn miễn phí/);
    chat.expectBot(/14\/03\/2030/);
    chat.expectBot(/hiendienonline\.tenmien\.vn/);
    chat.expectBot(/Bạn có đồng ý/).withChoices(['Đồng ý lưu', 'Không lưu']);
  });

  it('one day before turning 24 still qualifies, typed without diacritics', async () => {
    chat = conversation({ now: '2026-11-23T09:00:00+07:00' });
    await chat.user('kiem tra id.vn');
    await chat.user('24/11/2002');
    chat.expectBot(/đủ điều kiện/);
    chat.expectBot(/23\/11\/2026/);
  });

  it('on the 24th birthday the free offer has ended and biz.vn is suggested', async () => {
    chat = conversation({ now: '2026-11-23T09:00:00+07:00' });
    await chat.user('kiểm tra id.vn');
    await chat.user('23/11/2002');
    chat.expectBot(/không thuộc diện miễn phí/);
    chat.expectBot(/biz\.vn/);
  });

  it('a 17-year-old is told the day they become eligible', async () => {
    chat = conversation({ now: '2026-11-23T09:00:00+07:00' });
    await chat.user('/start');
    await chat.choose('Kiểm tra id.vn (18–23 tuổi)');
    await chat.user('sinh ngày 1 tháng 6 năm 2009');
    chat.expectBot(/chưa đủ 18 tuổi/);
    chat.expectBot(/01\/06\/2027/);
  });

  it('a typed date at the main menu leads straight to the result', async () => {
    chat = conversation();
    await chat.user('/start');
    await chat.user('tôi sinh 12/03/2004');
    chat.expectBot(/đủ điều kiện/);
    chat.expectBot(/11\/03\/2028/);
  });

  it('an age alone is enough', async () => {
    chat = conversation();
    await chat.user('e 19t co dc dk id.vn free ko ad');
    chat.expectBot(/đủ điều kiện nhận tên miền id\.vn/);
  });

  it('a birth year on the boundary asks for the full date, then answers', async () => {
    chat = conversation({ now: '2026-11-23T09:00:00+07:00' });
    await chat.user('kiểm tra id.vn');
    await chat.user('sinh năm 2008');
    chat.expectBot(/tùy ngày sinh nhật/);
    await chat.user('20/12/2008');
    chat.expectBot(/chưa đủ 18 tuổi/);
    chat.expectBot(/20\/12\/2026/);
  });

  it('an impossible date is asked again, never guessed', async () => {
    chat = conversation();
    await chat.user('kiểm tra id.vn');
    await chat.user('31/02/2004');
    chat.expectBot(/không có trên lịch/);
    await chat.user('29/02/2004');
    chat.expectBot(/đủ điều kiện/);
  });

  it('a date in the future is asked again', async () => {
    chat = conversation();
    await chat.user('kiểm tra id.vn');
    await chat.user('01/01/2030');
    chat.expectBot(/tương lai/);
    chat.expectBot(/sinh ngày nào|ví dụ/);
  });

  it('a foreign citizen is told the free offer is for Vietnamese citizens', async () => {
    chat = conversation();
    await chat.user('kiểm tra id.vn');
    await chat.choose('Tôi không phải công dân Việt Nam');
    chat.expectBot(/công dân Việt Nam/);
  });

  it('a question in the middle is answered and the check resumes', async () => {
    chat = conversation();
    await chat.user('kiểm tra id.vn');
    await chat.user('hết 2 năm thì mất phí bao nhiêu');
    chat.expectBot(/50\.000/);
    chat.expectBot(/sinh ngày nào/);
    await chat.user('20 tuổi');
    chat.expectBot(/đủ điều kiện/);
  });
});

describe('outside the program window', () => {
  it('says the offer is not open instead of asking questions', async () => {
    chat = conversation({ now: '2031-02-01T09:00:00+07:00' });
    await chat.user('/start');
    await chat.choose('Kiểm tra id.vn (18–23 tuổi)');
    chat.expectBot(/chương trình miễn phí không mở/);
    await chat.user('tôi 20 tuổi có được id.vn không');
    chat.expectBot(/chương trình miễn phí không mở/);
  });
});
