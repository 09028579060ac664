/**
 * End to end: FakeZaloApi → the real Zalo channel → the real engine, locales
 * and SQLite (:memory:) with a fixed clock. What a person types on Zalo and
 * what they would read; what ends up stored.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createZaloChannel } from '../../../src/channels/zalo/zalo-channel.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import { seedReferrers } from '../../support/referrers.js';
import { FakeZaloApi } from '../../fakes/fake-zalo-api.js';
import { i18n, recordingLog, settle } from './kit.js';

let app: TestApp | undefined;
afterEach(() => app?.close());

function zaloApp() {
  app = createTestApp({ now: '2026-11-23T09:00:00+07:00' });
  const fake = new FakeZaloApi();
  const log = recordingLog();
  const channel = createZaloChannel({
    connect: fake.connect,
    handle: app.handle,
    t: i18n.t,
    log,
    throttle: { minIntervalMs: 0 },
    backoff: { initialMs: 5, maxMs: 5 },
    saveCredentials: async () => undefined,
    // As src/main.ts wires it: the stored language, for sends outside a turn.
    locale: async (address) => (await store.sessions.read(address))?.locale ?? 'vi',
  });
  const store = app.store;
  /** Sends `text` from `uid` and returns what the bot answered to it. */
  const say = async (uid: string, text: string): Promise<string> => {
    const before = fake.textsTo(uid).length;
    fake.userText(uid, text);
    await vi.waitFor(() => expect(fake.textsTo(uid).length).toBeGreaterThan(before));
    await settle();
    return fake.textsTo(uid).slice(before).join('\n---\n');
  };
  return { fake, channel, store, say, log };
}

describe('Zalo end to end', () => {
  it('id.vn by numbers: numbered menu, "1", a birth date, "1" to consent → a stored zalo check', async () => {
    const { channel, store, say } = zaloApp();
    await channel.start();

    const welcome = await say('84901', 'xin chào');
    expect(welcome).toMatch(/Xin chào/);
    expect(welcome).toMatch(/\n1\. Kiểm tra id\.vn \(18–23 tuổi\)\n2\. Kiểm tra biz\.vn/);
    expect(welcome).toMatch(/Bạn nhắn một số từ 1 đến 5 để chọn nhé\.$/);

    expect(await say('84901', '1')).toMatch(/sinh ngày nào/);
    const result = await say('84901', '15/3/2006');
    expect(result).toMatch(/đủ điều kiện nhận tên miền id\.vn miễn phí/);
    expect(result).toMatch(/14\/03\/2030/);
    expect(result).toMatch(/1\. Đồng ý lưu\n2\. Không lưu\n\nBạn nhắn 1 hoặc 2 để chọn nhé\.$/);
    await say('84901', '1');

    expect(await store.records.listChecks()).toEqual([
      expect.objectContaining({ address: 'zalo:84901', channel: 'zalo', track: 'id.vn', outcome: 'eligible' }),
    ]);
    await channel.stop();
  });

  it('after "/lang en" the whole menu is English, the numbered-choice hint too (the turn says its language)', async () => {
    const { channel, say } = zaloApp();
    await channel.start();
    expect(await say('84909', 'xin chào')).toMatch(/Bạn nhắn một số từ 1 đến 5 để chọn nhé\.$/);

    const english = await say('84909', '/lang en');
    expect(english).toBe(
      [
        "I'll talk to you in English.",
        '',
        'What can I help you with? Pick an option below or just type your question.',
        '',
        '1. Check id.vn (age 18–23)',
        '2. Check biz.vn (business)',
        '3. What is free?',
        '4. How to register',
        '5. Other questions',
        '',
        'Reply with a number from 1 to 5.',
      ].join('\n'),
    );

    const back = await say('84909', '/lang vi');
    expect(back).toMatch(/Bạn nhắn một số từ 1 đến 5 để chọn nhé\.$/);
    await channel.stop();
  });

  it('biz.vn by text: labels typed without diacritics, as people type on a phone', async () => {
    const { channel, store, say } = zaloApp();
    await channel.start();

    expect(await say('84902', 'xin chao')).toMatch(/Xin chào/);
    expect(await say('84902', 'kiem tra biz.vn')).toMatch(/thuộc loại nào/); // the menu label, typed
    expect(await say('84902', 'doanh nghiep (cong ty)')).toMatch(/thành lập ngày nào/);
    const result = await say('84902', '10/01/2026');
    expect(result).toMatch(/đủ điều kiện nhận tên miền biz\.vn/);
    expect(result).toMatch(/10\/01\/2027/);
    await say('84902', 'dong y luu');

    expect(await store.records.listChecks()).toEqual([
      expect.objectContaining({ address: 'zalo:84902', channel: 'zalo', track: 'biz.vn', outcome: 'eligible' }),
    ]);
    await channel.stop();
  });

  it('a network drop in the middle of a check: the bot reconnects and the check resumes', async () => {
    const { fake, channel, store, say } = zaloApp();
    await channel.start();
    await say('84903', 'alo');
    expect(await say('84903', 'so 1')).toMatch(/sinh ngày nào/);

    fake.close(1006);
    expect(channel.status().state).toBe('reconnecting');
    await vi.waitFor(() => expect(channel.status().state).toBe('online'));
    expect(fake.connects).toBe(2);

    expect(await say('84903', '24/11/2002')).toMatch(/đủ điều kiện[\s\S]*23\/11\/2026/);
    await say('84903', '1');
    expect(await store.records.listChecks()).toEqual([expect.objectContaining({ channel: 'zalo', track: 'id.vn', outcome: 'eligible' })]);
    await channel.stop();
  });

  it('a message delivered twice is answered and counted once', async () => {
    const { fake, channel, store } = zaloApp();
    await channel.start();
    fake.userText('84904', 'hi');
    await vi.waitFor(() => expect(fake.textsTo('84904')).toHaveLength(1));
    fake.userText('84904', '1');
    await vi.waitFor(() => expect(fake.textsTo('84904')).toHaveLength(2));
    const answer = fake.userText('84904', 'tôi sinh 12/03/2004');
    fake.deliver(answer); // Zalo redelivers after a reconnect
    await vi.waitFor(() => expect(fake.textsTo('84904').length).toBeGreaterThan(2));
    await settle();
    const consent = fake.userText('84904', '1');
    fake.deliver(consent);
    await channel.stop();

    expect(fake.textsTo('84904').filter((t) => /đủ điều kiện/.test(t))).toHaveLength(1);
    expect(await store.records.listChecks()).toHaveLength(1);
  });

  it('a first message with a referral code ("ma GT: …") records the youth-union member as referrer', async () => {
    const { channel, store, say } = zaloApp();
    seedReferrers(store.db, 'DTN_KIENAN_07');
    await channel.start();
    expect(await say('84905', 'ma GT: DTN_KIENAN_07')).toMatch(/Xin chào/);
    await say('84905', '1');
    await say('84905', '15/3/2006');
    await say('84905', '1');

    expect(await store.records.listChecks()).toEqual([
      expect.objectContaining({ address: 'zalo:84905', channel: 'zalo', track: 'id.vn', referrer: 'DTN_KIENAN_07' }),
    ]);
    await channel.stop();
  });
});
