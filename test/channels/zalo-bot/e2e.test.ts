/**
 * End to end: FakeZaloBotApi (HTTP on 127.0.0.1) → the real Zalo Bot channel
 * (long polling or webhook) → the real engine, locales and SQLite with a fixed
 * clock. What a person types and reads; what ends up stored.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createZaloBotChannel, type ZaloBotChannelDeps } from '../../../src/channels/zalo-bot/zalo-bot-channel.js';
import { createHttpServer, type HttpServer } from '../../../src/http/http-server.js';
import { createTestApp, type TestApp, type TestAppOptions } from '../../support/app.js';
import { seedReferrers } from '../../support/referrers.js';
import { FakeZaloBotApi } from '../../fakes/zalo-bot-api-server.js';
import { i18n, recordingLog, settle } from '../zalo/kit.js';
import { asHandler } from '../../support/fake-engine.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Sends "/help" last and waits for its answer: whatever was sent before has arrived by then. */
async function lastWord(fake: FakeZaloBotApi, chatId: string): Promise<void> {
  fake.userText(chatId, '/help');
  await vi.waitFor(() => expect(fake.textsTo(chatId).join('\n')).toMatch(/Bạn có thể nhắn tự nhiên/), { timeout: 5_000 });
}

async function botApp(options: Partial<ZaloBotChannelDeps> = {}, appOptions: TestAppOptions = {}) {
  const app: TestApp = createTestApp({ now: '2026-11-23T09:00:00+07:00', ...appOptions });
  cleanups.push(() => app.close());
  const fake = await new FakeZaloBotApi().start();
  cleanups.push(() => fake.close());
  const log = recordingLog();
  const channel = createZaloBotChannel({
    token: fake.token,
    apiRoot: fake.apiRoot,
    handle: app.handle,
    t: i18n.t,
    log,
    throttle: { minIntervalMs: 0 },
    backoff: { initialMs: 5, maxMs: 20 },
    pollTimeoutSec: 1,
    ...options,
  });
  cleanups.push(() => channel.stop());
  /** `chatId` sends `text`; resolves with what the bot answered. */
  const say = async (chatId: string, text: string): Promise<string> => {
    const before = fake.textsTo(chatId).length;
    fake.userText(chatId, text);
    await vi.waitFor(() => expect(fake.textsTo(chatId).length).toBeGreaterThan(before), { timeout: 5_000 });
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 30));
    return fake.textsTo(chatId).slice(before).join('\n---\n');
  };
  return { app, fake, channel, log, say };
}

describe('Zalo Bot end to end (long polling)', () => {
  it('id.vn by numbers: numbered menu, "1", a birth date, "1" to consent → a stored zalo-bot check', async () => {
    const { app, fake, channel, say } = await botApp();
    await channel.start();
    expect(channel.health()).toEqual({ up: true });

    const welcome = await say('c0ffee01', 'xin chào');
    expect(welcome).toMatch(/Xin chào/);
    expect(welcome).toMatch(/\n1\. Kiểm tra id\.vn \(18–23 tuổi\)\n2\. Kiểm tra biz\.vn/);
    expect(welcome).toMatch(/Bạn nhắn một số từ 1 đến 5 để chọn nhé\.$/);
    expect(await say('c0ffee01', '1')).toMatch(/sinh ngày nào/);
    const result = await say('c0ffee01', '15/3/2006');
    expect(result).toMatch(/đủ điều kiện nhận tên miền id\.vn miễn phí/);
    expect(result).toMatch(/1\. Đồng ý lưu\n2\. Không lưu/);
    await say('c0ffee01', '1');

    expect(await app.store.records.listChecks()).toEqual([
      expect.objectContaining({ address: 'zalo-bot:c0ffee01', channel: 'zalo-bot', track: 'id.vn', outcome: 'eligible' }),
    ]);
    expect(fake.count('sendChatAction')).toBeGreaterThanOrEqual(4);
    expect(fake.calls.find((c) => c.method === 'getUpdates')?.params).toEqual({ timeout: '1' });
  });

  it('biz.vn typed without diacritics, with a referral code in the first message', async () => {
    const { app, channel, say } = await botApp();
    seedReferrers(app.store.db, 'DTN_KIENAN_07');
    await channel.start();
    expect(await say('c0ffee02', 'ma GT: DTN_KIENAN_07')).toMatch(/Xin chào|Chào/);
    expect(await say('c0ffee02', 'kiem tra biz.vn')).toMatch(/thuộc loại nào/);
    expect(await say('c0ffee02', 'doanh nghiep (cong ty)')).toMatch(/thành lập ngày nào/);
    const result = await say('c0ffee02', '10/01/2026');
    expect(result).toMatch(/đủ điều kiện nhận tên miền biz\.vn/);
    await say('c0ffee02', 'dong y luu');
    expect(await app.store.records.listChecks()).toEqual([
      expect.objectContaining({ address: 'zalo-bot:c0ffee02', channel: 'zalo-bot', track: 'biz.vn', referrer: 'DTN_KIENAN_07' }),
    ]);
  });

  it('a long answer is split under 2,000 characters, numbered choices kept with the last part', async () => {
    const paragraph = 'Tên miền id.vn dành cho công dân từ đủ 18 đến 23 tuổi. '.repeat(20);
    const long = Array.from({ length: 5 }, () => paragraph).join('\n\n');
    const { fake, channel } = await botApp({
      handle: asHandler(async () => [{ text: long, choices: [{ id: 'a', label: 'Có' }, { id: 'b', label: 'Không' }] }]),
    });
    await channel.start();
    fake.userText('c0ffee03', 'hi');
    await vi.waitFor(() => expect(fake.textsTo('c0ffee03').join('')).toMatch(/Bạn nhắn 1 hoặc 2/));
    const parts = fake.textsTo('c0ffee03');
    expect(long.length).toBeGreaterThan(4_000);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2_000);
    expect(parts.at(-1)).toMatch(/1\. Có\n2\. Không\n\nBạn nhắn 1 hoặc 2 để chọn nhé\.$/);
  });

  it('empty polls (408 in the JSON or as HTTP status) keep the channel up; failed polls back off, mark it down, and recover', async () => {
    const { fake, channel, say, log } = await botApp();
    fake.failNext('getUpdates', 408, { http: true });
    fake.failNext('getUpdates', 408);
    await channel.start();
    await vi.waitFor(() => expect(fake.count('getUpdates')).toBeGreaterThanOrEqual(3));
    expect(channel.health()).toEqual({ up: true });

    fake.failNext('getUpdates', 502, { http: true, times: 3 });
    await vi.waitFor(() => expect(channel.health()).toEqual({ up: false, problem: 'polling_failed' }));
    expect(log.lines.filter((l) => l.includes('getUpdates failed'))).toHaveLength(3);
    await vi.waitFor(() => expect(channel.health()).toEqual({ up: true }));
    expect(await say('c0ffee04', 'alo')).toMatch(/Xin chào/);
  });

  it('a message delivered twice (same message_id) is answered once', async () => {
    const { fake, channel } = await botApp();
    await channel.start();
    const update = fake.userText('c0ffee05', 'hi');
    fake.push(update);
    await vi.waitFor(() => expect(fake.textsTo('c0ffee05')).toHaveLength(1));
    await lastWord(fake, 'c0ffee05'); // answered in order: a second answer to "hi" would come first
    expect(fake.textsTo('c0ffee05').filter((t) => !/Bạn có thể nhắn tự nhiên/.test(t))).toHaveLength(1);
  });

  it('a group message gets "message me privately", once per hour', async () => {
    const { fake, channel, app } = await botApp();
    await channel.start();
    fake.userText('group01', 'kiem tra id.vn', { group: true });
    fake.userText('group01', 'alo', { group: true });
    await vi.waitFor(() => expect(fake.textsTo('group01')).toHaveLength(1));
    await lastWord(fake, 'c0ffee99'); // sends go out in order: a second notice would come first
    expect(fake.textsTo('group01')).toEqual([i18n.t('vi', 'zalo.group_redirect')]);
    expect(await app.store.records.listChecks()).toEqual([]);
  });

  it('a sticker or an image gets the engine\'s answer for media, not a crash', async () => {
    const { fake, channel } = await botApp();
    await channel.start();
    fake.userText('c0ffee06', '', { event: 'message.sticker.received' });
    await vi.waitFor(() => expect(fake.textsTo('c0ffee06').length).toBeGreaterThan(0));
  });

  it('proactive send (follow-ups, broadcasts, relays) reaches a zalo-bot address; a wrong address is refused', async () => {
    const { fake, channel } = await botApp();
    await channel.start();
    expect(await channel.send('zalo-bot:c0ffee07', [{ text: 'Nhắc bạn: còn 3 ngày để đăng ký biz.vn.' }])).toEqual({ status: 'ok' });
    expect(fake.textsTo('c0ffee07')).toEqual(['Nhắc bạn: còn 3 ngày để đăng ký biz.vn.']);
    await expect(channel.send('zalo:1', [{ text: 'x' }])).rejects.toThrow(/zalo-bot:<chat id>/);
    fake.failNext('sendMessage', 500);
    expect(await channel.send('zalo-bot:c0ffee07', [{ text: 'y' }])).toMatchObject({ status: 'failed' });
  });

  it('staff commands work from a zalo-bot address in ADMINS; others get the unknown-command answer', async () => {
    const { channel, say } = await botApp({}, { admins: ['zalo-bot:ad01'] });
    await channel.start();
    const stats = await say('ad01', '/stats');
    expect(stats).toMatch(/Theo kênh|Thống kê/);
    expect(await say('c0ffee12', '/stats')).not.toMatch(/Theo kênh/);
  });

  it('a wrong token stops the start with the fix', async () => {
    const { channel } = await botApp({ token: '1:wrong' });
    await expect(channel.start()).rejects.toThrow(/ZALO_BOT_TOKEN/);
    expect(channel.health()).toEqual({ up: false, problem: 'unauthorized' });
  });
});

describe('Zalo Bot images', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
  const withImage = asHandler(async () => [{ text: 'Mã QR của bạn:', attachment: { kind: 'image' as const, name: 'qr.png', mime: 'image/png', data: png, caption: 'Mã giới thiệu DTN_07' } }]);

  it('with PUBLIC_BASE_URL: sendPhoto with an unguessable URL that serves the PNG, then expires', async () => {
    const http: HttpServer = createHttpServer({ port: 0, host: '127.0.0.1' });
    const port = await http.listen();
    cleanups.push(() => http.close());
    const { createMediaHost } = await import('../../../src/channels/shared/media-host.js');
    let now = 1_000;
    const media = createMediaHost({ http, baseUrl: `http://127.0.0.1:${port}`, ttlMs: 60_000, now: () => now });
    const { fake, channel } = await botApp({ handle: withImage, media });
    await channel.start();
    fake.userText('c0ffee08', '/mylink');
    await vi.waitFor(() => expect(fake.sent.some((s) => s.method === 'sendPhoto')).toBe(true));
    const photo = fake.sent.find((s) => s.method === 'sendPhoto');
    expect(photo?.text).toBe('Mã giới thiệu DTN_07');
    expect(photo?.photo).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/media/[0-9a-f]{32}\\.png$`));
    const served = await fetch(photo?.photo ?? '');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png);
    expect((await fetch(`http://127.0.0.1:${port}/media/00000000000000000000000000000000.png`)).status).toBe(404);
    now += 61_000;
    expect((await fetch(photo?.photo ?? '')).status).toBe(404);
  });

  it('without it: the caption as text, with a short note', async () => {
    const { fake, channel } = await botApp({ handle: withImage });
    await channel.start();
    fake.userText('c0ffee09', '/mylink');
    await vi.waitFor(() => expect(fake.textsTo('c0ffee09').join('\n')).toMatch(/Mã giới thiệu DTN_07/));
    expect(fake.count('sendPhoto')).toBe(0);
    expect(fake.textsTo('c0ffee09').join('\n')).toMatch(/chưa gửi được qua Zalo/);
  });
});

describe('Zalo Bot webhook mode', () => {
  const SECRET = 'w'.repeat(16) + '0123456789abcdef';

  async function webhookApp() {
    const http = createHttpServer({ port: 0, host: '127.0.0.1' });
    cleanups.push(() => http.close());
    const port = await http.listen();
    const url = `http://127.0.0.1:${port}/zalo-bot/webhook`;
    const setup = await botApp({ webhook: { url, secret: SECRET, http } });
    return { ...setup, url };
  }

  it('setWebhook with the secret; updates POSTed are answered; retries of one message_id are answered once', async () => {
    const { fake, channel, app, url } = await webhookApp();
    await channel.start();
    expect(fake.webhook).toEqual({ url, secret: SECRET });
    expect(fake.count('getUpdates')).toBe(0);
    expect(channel.health()).toEqual({ up: true });

    const hello = fake.userText('c0ffee10', 'xin chao');
    await vi.waitFor(() => expect(fake.textsTo('c0ffee10')).toHaveLength(1));
    expect(await fake.post(hello)).toBe(200); // Zalo retrying
    expect(await fake.post(hello)).toBe(200);
    fake.userText('c0ffee10', '1');
    await vi.waitFor(() => expect(fake.textsTo('c0ffee10')).toHaveLength(2));
    const answer = fake.userText('c0ffee10', '12/03/2004');
    await vi.waitFor(() => expect(fake.textsTo('c0ffee10')).toHaveLength(3));
    await fake.post(answer);
    fake.userText('c0ffee10', '1');
    await vi.waitFor(() => expect(fake.textsTo('c0ffee10').length).toBeGreaterThanOrEqual(4));
    await lastWord(fake, 'c0ffee10');
    expect(fake.textsTo('c0ffee10').filter((t) => /đủ điều kiện/.test(t))).toHaveLength(1);
    expect(await app.store.records.listChecks()).toEqual([expect.objectContaining({ channel: 'zalo-bot', address: 'zalo-bot:c0ffee10' })]);
  });

  it('a forged call (wrong or missing secret) is refused with 401 and never reaches the engine', async () => {
    const { fake, channel } = await webhookApp();
    await channel.start();
    const forged = { event_name: 'message.text.received', message: { message_id: 'x1', chat: { id: 'c0ffee11', chat_type: 'PRIVATE' }, from: { id: 'c0ffee11' }, date: 1, text: 'hi' } };
    expect(await fake.post(forged, SECRET.slice(0, -1) + 'X')).toBe(401);
    expect(await fake.post(forged, 'short')).toBe(401);
    expect(await fake.post(forged, null)).toBe(401);
    await lastWord(fake, 'c0ffee11'); // a genuine call, last
    expect(fake.textsTo('c0ffee11')).toEqual([expect.stringMatching(/Bạn có thể nhắn tự nhiên/)]);
  });

  it('setWebhook failing marks the channel down (webhook_failed) and is retried', async () => {
    const http = createHttpServer({ port: 0, host: '127.0.0.1' });
    cleanups.push(() => http.close());
    const port = await http.listen();
    const fake = await new FakeZaloBotApi().start();
    cleanups.push(() => fake.close());
    fake.failNext('setWebhook', 500, { times: 2 });
    const channel = createZaloBotChannel({
      token: fake.token, apiRoot: fake.apiRoot, handle: asHandler(async () => []), t: i18n.t, log: recordingLog(),
      webhook: { url: `http://127.0.0.1:${port}/zalo-bot/webhook`, secret: SECRET, http }, backoff: { initialMs: 20, maxMs: 40 },
    });
    cleanups.push(() => channel.stop());
    await channel.start();
    expect(channel.health()).toEqual({ up: false, problem: 'webhook_failed' });
    await vi.waitFor(() => expect(channel.health()).toEqual({ up: true }));
    expect(fake.count('setWebhook')).toBe(3);
  });
});
