/** Quirks and failures: groups, 429, blocked users, throwing handlers, the rate limit. */
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeEngine } from '../../support/fake-engine.js';
import { createTestApp } from '../../support/app.js';
import { scriptedEngine, startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const doNotCall: FakeEngine = () => {
  throw new Error('do not call: group messages must not reach the engine');
};

describe('telegram: groups and channels', () => {
  const group = { id: -1001234, type: 'supergroup' as const, title: 'Hội sinh viên' };

  it('answers a mention in a group once, asking to message privately, and never calls the engine', async () => {
    h = await startHarness(doNotCall);
    h.fake.pushText({ id: 21, language_code: 'vi' }, 'mọi người ơi, tên miền id.vn là gì?', group);
    h.fake.pushText(22, '/start@other_bot', group);
    const mention = h.fake.pushText({ id: 21, language_code: 'vi' }, '@tenmien_test_bot cho mình hỏi', group);
    h.fake.pushText({ id: 23, language_code: 'en' }, '/help@tenmien_test_bot', group);
    const last = h.fake.pushText({ id: 24, language_code: 'vi' }, '@tenmien_test_bot cuối', group); // one chat's updates run in order

    await h.fake.waitUntil(() => h?.fake.sent(group.id).find((m) => m.reply_to === last.message?.message_id), 'the answer to the last mention');
    const replies = h.fake.sent(group.id);
    expect(replies).toHaveLength(3);
    expect(replies[0]?.text).toBe('Bạn nhắn riêng cho mình nhé — trong nhóm mình không trả lời được.');
    expect(replies[0]?.reply_to).toBe(mention.message?.message_id);
    expect(replies[0]?.reply_markup?.inline_keyboard[0]?.[0]).toMatchObject({ url: 'https://t.me/tenmien_test_bot' });
    expect(replies[1]?.text).toBe(h.i18n.t('en', 'telegram.private_only'));
  });

  it('ignores channel posts', async () => {
    const engine = scriptedEngine();
    h = await startHarness(engine.handle);
    const channel = { id: -1009, type: 'channel' as const, title: 'Tin tức' };
    h.fake.pushUpdate({ channel_post: { message_id: 1, date: 0, chat: channel, sender_chat: channel, text: '@tenmien_test_bot /start' } });
    h.fake.pushText(24, 'riêng tư');
    await h.fake.waitForMessages(24, 1);
    expect(h.fake.sent(channel.id)).toEqual([]);
    expect(engine.inputs.map((input) => input.from)).toEqual(['telegram:24']);
  });
});

describe('telegram: Bot API failures', () => {
  it('retries a 429 after retry_after and the reply still arrives', async () => {
    h = await startHarness(scriptedEngine().handle);
    h.fake.failNext('sendMessage', { code: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 });
    h.fake.pushText(31, 'xin chào');

    const [reply] = await h.fake.waitForMessages(31, 1, 5000);
    expect(reply?.text).toBe('echo: xin chào');
    const attempts = h.fake.callsTo('sendMessage');
    expect(attempts).toHaveLength(2);
    expect(attempts[0]?.failed?.code).toBe(429);
  });

  it('a person who blocked the bot is logged at info, and the next person is served', async () => {
    h = await startHarness(scriptedEngine().handle);
    h.fake.blockChat(41);
    h.fake.pushText(41, 'xin chào');
    h.fake.pushText(42, 'xin chào');

    const [reply] = await h.fake.waitForMessages(42, 1);
    expect(reply?.text).toBe('echo: xin chào');
    await h.fake.waitUntil(() => h?.log.entries.find((e) => /blocked/.test(e.message)), 'the blocked log line');
    expect(h.log.entries.find((e) => /blocked/.test(e.message))).toMatchObject({
      level: 'info',
      fields: { address: 'telegram:41' },
    });
    expect(h.log.entries.filter((e) => e.level === 'error')).toEqual([]);
  });

  it('a handler that throws gets the person a short apology, is logged, and the bot keeps serving', async () => {
    h = await startHarness(scriptedEngine().handle);
    h.fake.pushText({ id: 51, language_code: 'en' }, 'boom');
    h.fake.pushText(51, 'still there?');

    const [apology, next] = await h.fake.waitForMessages(51, 2);
    expect(apology?.text).toBe(h.i18n.t('en', 'telegram.error'));
    expect(next?.text).toBe('echo: still there?');
    const error = h.log.entries.find((e) => e.level === 'error');
    expect(error?.fields).toMatchObject({ address: 'telegram:51', error: 'Error: engine exploded' });
  });

  it('a throwing handler after a button press still answers the callback (no spinner left)', async () => {
    const handle: FakeEngine = async (input) => {
      if ('choice' in input) throw new Error('choice failed');
      return [{ text: 'Chọn', choices: [{ id: 'x', label: 'X' }] }];
    };
    h = await startHarness(handle);
    h.fake.pushText(52, 'menu');
    const [menu] = await h.fake.waitForMessages(52, 1);
    if (!menu) throw new Error('no menu');
    const id = h.fake.pushCallback(52, menu, 'x');

    await h.fake.waitForMessages(52, 2);
    expect(h.fake.answered.map((a) => a.id)).toEqual([id]);
  });
});

describe('telegram: rate limit (the runner\'s, as on every channel)', () => {
  it('over the limit: one common.rate_limited notice, then silence; someone else is not held up', async () => {
    const app = createTestApp({ rateLimit: { capacity: 3, windowMs: 60_000 } });
    try {
      h = await startHarness(app.handle);
      for (let i = 1; i <= 7; i++) h.fake.pushText({ id: 61, language_code: 'vi' }, `xin chào ${i}`);
      h.fake.pushText(62, 'xin chào');
      await h.fake.waitForMessages(61, 4);
      await h.fake.waitForMessages(62, 1);

      app.clock.set('2026-11-23T09:01:00+07:00'); // the window has passed: a last message is answered again
      h.fake.pushText({ id: 61, language_code: 'vi' }, '/menu');
      const sent = await h.fake.waitForMessages(61, 5);
      expect(sent.slice(3, 4).map((m) => m.text)).toEqual([app.i18n.t('vi', 'common.rate_limited')]);
      expect(sent).toHaveLength(5);
      expect(sent[4]?.text).toMatch(/Xin chào|giúp gì/);
    } finally {
      app.close();
    }
  });

  it('a button press over the limit is answered (no spinner) and the notice comes as a message', async () => {
    const app = createTestApp({ rateLimit: { capacity: 1, windowMs: 60_000 } });
    try {
      h = await startHarness(app.handle);
      h.fake.pushText(63, '/menu');
      const [menu] = await h.fake.waitForMessages(63, 1);
      if (!menu) throw new Error('no menu');
      const id = h.fake.pushCallback(63, menu, 'menu:main');
      const [, notice] = await h.fake.waitForMessages(63, 2);
      expect(notice?.text).toBe(app.i18n.t('vi', 'common.rate_limited'));
      expect(h.fake.answered.map((a) => a.id)).toEqual([id]);
    } finally {
      app.close();
    }
  });

  it('group mentions over the per-person group limit get no more notices', async () => {
    const group = { id: -1005555, type: 'supergroup' as const, title: 'Nhóm' };
    h = await startHarness(doNotCall, { groupRateLimit: { capacity: 2, windowMs: 60_000 } });
    for (let i = 0; i < 4; i++) h.fake.pushText({ id: 64, language_code: 'vi' }, `@tenmien_test_bot hỏi ${i}`, group);
    const last = h.fake.pushText({ id: 65, language_code: 'vi' }, '@tenmien_test_bot mình hỏi với', group); // someone else, last
    await h.fake.waitUntil(() => h?.fake.sent(group.id).find((m) => m.reply_to === last.message?.message_id), 'the notice to the last mention');
    expect(h.fake.sent(group.id)).toHaveLength(3);
  });
});
