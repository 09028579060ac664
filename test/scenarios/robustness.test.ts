import { afterEach, describe, expect, it } from 'vitest';
import { conversation, type Conversation } from '../support/conversation.js';

let chat: Conversation;
afterEach(() => chat.app.close());

describe('bad input gets a clear reply and loses nothing', () => {
  it.each([
    ['an empty line', ''],
    ['10 kB of text', 'a'.repeat(10_240)],
    ['emoji', '😀🎉🔥'],
    ['an injection string', "'; DROP TABLE checks; --<script>alert(1)</script>"],
    ['zero-width and RTL characters', '\u200b\u200f\u202eabc'],
  ])('%s', async (_name, text) => {
    chat = conversation();
    const replies = await chat.user(text);
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) expect(reply.text.length).toBeGreaterThan(0);
    expect(chat.app.store.db.prepare('SELECT count(*) AS n FROM checks').get()).toEqual({ n: 0 });
  });

  it('an unknown button (an old keyboard) is answered politely and the current question repeated', async () => {
    chat = conversation();
    await chat.user('kiểm tra id.vn');
    await chat.app.replies({ from: chat.address, choice: 'nonsense:old' }).then((r) => (chat.last = r));
    chat.expectBot(/Lựa chọn này cũ rồi/);
    chat.expectBot(/sinh ngày nào/);
  });

  it('a sticker gets a polite answer', async () => {
    chat = conversation();
    chat.last = await chat.app.replies({ from: chat.address, text: '', meta: { media: 'sticker' } });
    chat.expectBot(/chỉ đọc được tin nhắn chữ/);
  });

  it('a half-finished check resumes after a restart', async () => {
    const { createTestApp } = await import('../support/app.js');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = `${mkdtempSync(`${tmpdir()}/bot-`)}/bot.sqlite`;
    const first = createTestApp({ file });
    chat = conversation({ app: first });
    await chat.user('kiểm tra biz.vn');
    await chat.choose('Doanh nghiệp (công ty)');
    first.close();
    chat = conversation({ app: createTestApp({ file }) });
    await chat.user('10/01/2026');
    chat.expectBot(/đủ điều kiện nhận tên miền biz\.vn/);
  });

  it('/lang en switches to English and /lang vi back', async () => {
    chat = conversation();
    await chat.user('/lang en');
    chat.expectBot(/English/).withChoices(['Check id.vn (age 18–23)']);
    await chat.user('I am 20');
    chat.expectBot(/you qualify/);
    await chat.user('/lang vi');
    chat.expectBot(/tiếng Việt/);
  });

  it('out-of-scope questions get a polite answer about what the bot can do', async () => {
    chat = conversation();
    await chat.user('giá vàng hôm nay bao nhiêu');
    chat.expectBot(/ngoài phạm vi/);
  });
});

describe('greetings typed the way people type', () => {
  it.each(['chào ad', 'hi ad', 'ad ơi', 'alo'])('"%s" gets the welcome menu, not a clarifying question', async (text) => {
    chat = conversation();
    await chat.user(text);
    chat.expectBot(/Xin chào/).withChoices(['Kiểm tra id.vn (18–23 tuổi)']);
  });
});
