/**
 * Phrasings the bot used to miss (issue 17: telex leftovers, regional words, "đẻ năm",
 * a concrete name in a question about names, English mixed in), each a short conversation
 * through the real engine with the classifier trained from data/nlu.
 */
import { afterEach, describe, it } from 'vitest';
import { conversation, type Conversation } from '../support/conversation.js';

let chat: Conversation;
afterEach(() => chat.app.close());
const NOW = '2026-11-23T09:00:00+07:00';

describe('understanding that generalises', () => {
  it('telex typed with the input method off: an age check and a household business', async () => {
    chat = conversation({ now: NOW });
    await chat.user('ddawng kys id.vn 22 tuooir dduwowcj khoong');
    chat.expectBot(/đủ điều kiện nhận tên miền id\.vn/);
    const other = conversation({ app: chat.app, user: 'binh' });
    await other.user('hooj kinh doanh cos dduwowcj khoong');
    other.expectBot(/thuộc loại nào/).withChoices(['Hộ kinh doanh']);
  });

  it('"đẻ năm 2008" is a birth year: the check asks for the day that decides it', async () => {
    chat = conversation({ now: NOW });
    await chat.user('đẻ năm 2008 thì được chưa');
    chat.expectBot(/Sinh năm 2008/);
  });

  it('Central and Southern words: ở mô, rứa, răng, hông, nghen', async () => {
    chat = conversation({ now: NOW });
    await chat.user('đăng ký ở mô rứa');
    chat.expectBot(/Đăng ký online được/);
    await chat.user('hết hai năm rồi muốn dùng tiếp thì răng');
    chat.expectBot(/Sau 2 năm miễn phí/);
    await chat.user('miễn phí thiệt hông');
    chat.expectBot(/Trong 2 năm đầu bạn được miễn phí/);
    await chat.user('con tui 20 tuổi được hông nhen');
    chat.expectBot(/đủ điều kiện nhận tên miền id\.vn/);
  });

  it('a concrete name like lanbakery.biz.vn is a question about names, not about biz.vn', async () => {
    chat = conversation({ now: NOW });
    await chat.user('lanbakery.biz.vn có ai đăng ký chưa');
    chat.expectBot(/lanbakery\.biz\.vn đúng quy tắc/);
  });

  it('English mixed in: a check for someone else starts the id.vn check', async () => {
    chat = conversation({ now: NOW });
    await chat.user('my son is 16, can he get id.vn');
    chat.expectBot(/sinh ngày nào|born|birth/i);
  });
});
