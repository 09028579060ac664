import { afterEach, describe, it } from 'vitest';
import { conversation, type Conversation } from '../support/conversation.js';

let chat: Conversation;
afterEach(() => chat.app.close());

describe('biz.vn check', () => {
  it('by buttons: an enterprise founded this year learns its last day', async () => {
    chat = conversation({ now: '2026-11-23T09:00:00+07:00' });
    await chat.user('/start');
    await chat.choose('Kiểm tra biz.vn (doanh nghiệp, hộ KD)');
    chat.expectBot(/thuộc loại nào/).withChoices(['Doanh nghiệp (công ty)', 'Hộ kinh doanh']);
    await chat.choose('Doanh nghiệp (công ty)');
    chat.expectBot(/thành lập ngày nào/);
    await chat.user('10/01/2026');
    chat.expectBot(/đủ điều kiện nhận tên miền biz\.vn/);
    chat.expectBot(/10\/01\/2027/);
  });

  it('an enterprise on day E+1y still qualifies, the day after it does not', async () => {
    chat = conversation({ now: '2026-11-23T09:00:00+07:00' });
    await chat.user('doanh nghiep thanh lap 23/11/2025 co du dieu kien khong');
    chat.expectBot(/đủ điều kiện/);
    chat.expectBot(/23\/11\/2026/);
    const other = conversation({ app: chat.app, user: 'binh' });
    await other.user('cty thành lập ngày 22/11/2025');
    other.expectBot(/đã qua rồi/);
  });

  it('a household business with a certificate qualifies, typed as free text', async () => {
    chat = conversation();
    await chat.user('tôi có hộ kinh doanh bán tạp hóa');
    chat.expectBot(/Giấy chứng nhận đăng ký hộ kinh doanh chưa/);
    await chat.user('có rồi');
    chat.expectBot(/hộ của bạn đủ điều kiện/);
  });

  it('an online seller without registration is pointed to the one-stop office', async () => {
    chat = conversation();
    await chat.user('kiểm tra biz.vn');
    await chat.choose('Chưa đăng ký kinh doanh');
    chat.expectBot(/chưa thuộc diện miễn phí/);
    chat.expectBot(/Trung tâm phục vụ hành chính công/);
  });

  it('a branch code means the parent enterprise registers', async () => {
    chat = conversation();
    await chat.user('kiểm tra biz.vn');
    await chat.choose('Doanh nghiệp (công ty)');
    await chat.user('mã số 0100233488-001');
    chat.expectBot(/doanh nghiệp mẹ/);
  });

  it('a question asked in the middle of the check is answered and the check resumes', async () => {
    chat = conversation();
    await chat.user('kiểm tra biz.vn');
    await chat.choose('Hộ kinh doanh');
    await chat.user('cần chuẩn bị giấy tờ gì');
    chat.expectBot(/Giấy chứng nhận đăng ký hộ kinh doanh/);
    chat.expectBot(/quay lại câu hỏi/);
    await chat.choose('Đã có giấy chứng nhận');
    chat.expectBot(/đủ điều kiện/);
  });

  it('numbers pick the offered options on every channel', async () => {
    chat = conversation();
    await chat.user('/start');
    await chat.user('2');
    chat.expectBot(/thuộc loại nào/);
    await chat.user('so 2');
    chat.expectBot(/Giấy chứng nhận đăng ký hộ kinh doanh chưa/);
    await chat.user('1');
    chat.expectBot(/đủ điều kiện/);
  });
});
