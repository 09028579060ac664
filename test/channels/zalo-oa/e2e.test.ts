/**
 * End to end: FakeZaloOa posts signed webhook events to the operations HTTP
 * server → the real Zalo OA channel → the real engine and SQLite; replies go
 * back through the fake Open API with tokens from the database.
 */
import { describe, expect, it, vi } from 'vitest';
import { createChannelSend } from '../../../src/jobs/channel-send.js';
import { createFollowupJob } from '../../../src/jobs/followup-job.js';
import { loadProgram } from '../../../src/data.js';
import { oaSignature } from '../../../src/channels/zalo-oa/webhook.js';
import { seedReferrers } from '../../support/referrers.js';
import { oaApp, shown } from './kit.js';
import { asHandler } from '../../support/fake-engine.js';

const HELP = /Bạn có thể nhắn tự nhiên/;

/** Sends "/help" last and waits for its answer: whatever was sent to this person before has arrived by then. */
async function lastWord(fake: { userText(userId: string, text: string): unknown; textsTo(userId: string): string[] }, userId: string): Promise<void> {
  fake.userText(userId, '/help');
  await vi.waitFor(() => expect(fake.textsTo(userId).join('\n')).toMatch(HELP), { timeout: 5_000 });
}

describe('Zalo OA end to end', () => {
  it('id.vn with buttons: a tapped button (its payload) and a typed number both work → a stored zalo-oa check', async () => {
    const { app, fake, channel, say } = await oaApp();
    await channel.start();
    expect(channel.health()).toEqual({ up: true });

    const welcome = await say('u100', 'xin chào');
    expect(welcome).toMatch(/Xin chào/);
    expect(welcome).toMatch(/\[Kiểm tra id\.vn \(18–23 tuổi\)\]\n\[Kiểm tra biz\.vn/);
    const buttons = fake.sent.at(-1)?.buttons ?? [];
    expect(buttons.every((b) => b.type === 'oa.query.hide')).toBe(true);
    expect(await say('u100', buttons[0]?.payload ?? '')).toMatch(/sinh ngày nào/); // the payload comes back as text
    const result = await say('u100', '15/3/2006');
    expect(result).toMatch(/đủ điều kiện nhận tên miền id\.vn miễn phí/);
    expect(result).toMatch(/\[Đồng ý lưu\]\n\[Không lưu\]/);
    await say('u100', '1');
    expect(await app.store.records.listChecks()).toEqual([
      expect.objectContaining({ address: 'zalo-oa:u100', channel: 'zalo-oa', track: 'id.vn', outcome: 'eligible' }),
    ]);
  });

  it('biz.vn typed without diacritics, with a referral code', async () => {
    const { app, channel, say } = await oaApp();
    seedReferrers(app.store.db, 'DTN_KIENAN_07');
    await channel.start();
    await say('u101', 'ma GT: DTN_KIENAN_07');
    expect(await say('u101', 'kiem tra biz.vn')).toMatch(/thuộc loại nào/);
    expect(await say('u101', '1')).toMatch(/thành lập ngày nào/);
    expect(await say('u101', '10/01/2026')).toMatch(/đủ điều kiện nhận tên miền biz\.vn/);
    await say('u101', 'dong y luu');
    expect(await app.store.records.listChecks()).toEqual([
      expect.objectContaining({ address: 'zalo-oa:u101', channel: 'zalo-oa', track: 'biz.vn', referrer: 'DTN_KIENAN_07' }),
    ]);
  });

  it('buttons refused by Zalo: the numbered text instead; a long answer is split under 2,000', async () => {
    const long = Array.from({ length: 6 }, (_, i) => `Đoạn ${i + 1}. ${'Thông tin về chương trình tên miền .vn miễn phí. '.repeat(16)}`).join('\n\n');
    const { fake, channel } = await oaApp({ channel: { handle: asHandler(async () => [{ text: long, choices: [{ id: 'x:1', label: 'Có' }, { id: 'x:2', label: 'Không' }] }]) } });
    fake.refuseButtons = true;
    await channel.start();
    fake.userText('u102', 'hi');
    await vi.waitFor(() => expect(fake.textsTo('u102').join('')).toMatch(/Bạn nhắn 1 hoặc 2/));
    const parts = fake.textsTo('u102');
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2_000);
    expect(parts.at(-1)).toMatch(/1\. Có\n2\. Không\n\nBạn nhắn 1 hoặc 2 để chọn nhé\.$/);
  });

  it('a QR image is uploaded, then sent with its caption; a file becomes its caption and a note', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 9]);
    const { fake, channel } = await oaApp({
      channel: {
        handle: asHandler(async () => [
          { text: 'Mã QR của bạn:', attachment: { kind: 'image', name: 'qr.png', mime: 'image/png', data: png, caption: 'Mã giới thiệu DTN_07' } },
          { text: '', attachment: { kind: 'file', name: 'bao-cao.xlsx', mime: 'application/vnd.ms-excel', data: png, caption: 'Báo cáo quý' } },
        ]),
      },
    });
    await channel.start();
    fake.userText('u110', '/mylink');
    await vi.waitFor(() => expect(fake.textsTo('u110').join('\n')).toMatch(/Báo cáo quý/));
    expect(fake.calls.filter((c) => c.path === '/v2.0/oa/upload/image')).toHaveLength(1);
    expect(fake.sent.find((m) => m.attachmentId)).toMatchObject({ text: 'Mã giới thiệu DTN_07', attachmentId: expect.stringMatching(/^img-/) });
    expect(fake.textsTo('u110').at(-1)).toMatch(/Báo cáo quý\n\n\(Tệp này chưa gửi được qua Zalo/);
  });

  it('a forged webhook (bad or missing signature, or a body changed after signing) is refused with 401', async () => {
    const { fake, channel } = await oaApp();
    await channel.start();
    const event = { app_id: fake.appId, event_name: 'user_send_text', timestamp: '1795000000000', sender: { id: 'u103' }, message: { msg_id: 'f1', text: 'hi' } };
    expect(await fake.post(event, { signature: 'mac=' + '0'.repeat(64) })).toBe(401);
    expect(await fake.post(event, { signature: null })).toBe(401);
    const genuine = `mac=${oaSignature(fake.appId, JSON.stringify(event), event.timestamp, fake.oaSecretKey)}`;
    const tampered = JSON.stringify({ ...event, message: { msg_id: 'f1', text: 'xoa du lieu' } });
    expect(await fake.post(event, { body: tampered, signature: genuine })).toBe(401);
    expect(await fake.post(event, { signature: genuine.toUpperCase().replace('MAC=', 'mac=') })).toBe(200); // hex case does not matter
    expect(await fake.post(event)).toBe(200); // the genuine one again: a retry, deduped
    await vi.waitFor(() => expect(fake.textsTo('u103')).toHaveLength(1));
    await lastWord(fake, 'u103'); // answered in order: a second answer would come first
    expect(fake.textsTo('u103').filter((t) => !HELP.test(t))).toHaveLength(1);
  });

  it('Zalo retrying an event (same msg_id) is answered once; oa_* echoes and unfollow are ignored', async () => {
    const { fake, channel } = await oaApp();
    await channel.start();
    const event = fake.userText('u104', 'alo');
    await vi.waitFor(() => expect(fake.textsTo('u104')).toHaveLength(1));
    expect(await fake.post(event)).toBe(200);
    expect(await fake.post(event)).toBe(200);
    fake.event('oa_send_text', 'u104', { message: { msg_id: 'echo1', text: 'Xin chào' } });
    fake.event('unfollow', 'u104');
    await lastWord(fake, 'u104');
    expect(fake.textsTo('u104').filter((t) => !HELP.test(t))).toHaveLength(1);
  });

  it('follow gets the welcome, once even when Zalo retries the event', async () => {
    const { fake, channel } = await oaApp();
    await channel.start();
    const follow = fake.event('follow', 'u105');
    await vi.waitFor(() => expect(shown(fake, 'u105')).toMatch(/Xin chào/));
    const count = fake.sent.filter((m) => m.userId === 'u105').length;
    expect(await fake.post(follow)).toBe(200);
    await lastWord(fake, 'u105');
    expect(fake.sent.filter((m) => m.userId === 'u105' && !HELP.test(m.text ?? ''))).toHaveLength(count);
  });

  it('an expired token (−216) is refreshed once, the new pair saved, and the message sent again', async () => {
    const { app, fake, channel, say } = await oaApp();
    fake.tokenShape = 'data';
    await channel.start();
    const oldRefresh = fake.refreshToken;
    fake.expireAccessToken();
    expect(await say('u106', 'xin chao')).toMatch(/Xin chào/);
    expect(fake.refreshes).toBe(1);
    const stored = await app.store.zaloOa.readTokens();
    expect(stored?.accessToken).toBe(fake.accessToken);
    expect(stored?.refreshToken).toBe(fake.refreshToken);
    expect(stored?.refreshToken).not.toBe(oldRefresh);
    expect(stored?.expiresAt).toBe(new Date(app.clock.now().getTime() + 90_000_000).toISOString()); // expires_in "90000" (a string)
    expect(fake.calls.filter((c) => c.path === '/v3.0/oa/message/cs' && c.status === 200).length).toBeGreaterThan(0);
    expect(channel.health()).toEqual({ up: true });
  });

  it('−32/−100 are retried; a refused refresh marks the channel token_refresh_failed', async () => {
    const { fake, channel, say } = await oaApp();
    await channel.start();
    fake.failNext(-32);
    fake.failNext(-100);
    expect(await say('u107', 'hi')).toMatch(/Xin chào/);
    fake.expireAccessToken();
    fake.refreshToken = 'rotated-elsewhere';
    fake.userText('u107', '1');
    await vi.waitFor(() => expect(channel.health()).toEqual({ up: false, problem: 'token_refresh_failed' }));
  });

  it('without tokens the channel reports not_logged_in', async () => {
    const { channel } = await oaApp({ tokens: false });
    await channel.start();
    expect(channel.health()).toEqual({ up: false, problem: 'not_logged_in' });
  });
});

describe('Zalo OA proactive messages and the 48-hour window', () => {
  it('inside the window a relay/broadcast is sent; outside it nothing is called, it is counted and never retried', async () => {
    const { app, fake, channel, say, address } = await oaApp();
    await channel.start();
    await say('u200', 'hi');
    const send = createChannelSend([channel]);
    expect(await send(address('u200'), [{ text: 'Cán bộ trả lời: bạn mang CCCD khi đến UBND nhé.' }])).toEqual({ ok: true });
    expect(fake.textsTo('u200').at(-1)).toMatch(/Cán bộ trả lời/);

    const calls = fake.calls.length;
    expect(await send(address('u201'), [{ text: 'Tin mới' }])).toEqual({ ok: false, error: 'blocked', permanent: true });
    app.clock.set('2026-11-25T09:00:01+07:00'); // 48 h and a second later
    expect(await send(address('u200'), [{ text: 'Nhắc lại' }])).toEqual({ ok: false, error: 'blocked', permanent: true });
    expect(fake.calls.length).toBe(calls);
    expect(channel.counters()).toEqual({ outsideWindow: 2 });
  });

  it('Zalo refusing a send (−213, not interacted) is counted and the follow-up is marked failed at once, not retried', async () => {
    const { app, fake, channel, say } = await oaApp();
    await channel.start();
    await say('u202', 'hi');
    const now = app.clock.now().toISOString();
    app.store.db.prepare(`INSERT INTO people (address, locale, consent, consent_at, created_at, updated_at) VALUES ('zalo-oa:u202', 'vi', 'granted', ?, ?, ?)`).run(now, now, now);
    app.store.db.prepare(`INSERT INTO followups (address, kind, track, due_at, created_at) VALUES ('zalo-oa:u202', 'remind', 'id.vn', ?, ?)`).run(now, now);
    fake.outsideWindow.add('u202');
    const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const job = createFollowupJob({
      store: app.store.followups, clock: app.clock, program: loadProgram(), render: app.i18n.render, log: silent,
      send: createChannelSend([channel]), sleep: async () => undefined,
    });
    expect(await job.runOnce()).toEqual({ sent: 0, failed: 1, retried: 0 });
    const attempts = () => fake.calls.filter((c) => c.path === '/v3.0/oa/message/cs' && (c.body as { recipient?: { user_id?: string } }).recipient?.user_id === 'u202').length;
    const afterFirstRun = attempts();
    expect(channel.counters()).toEqual({ outsideWindow: 1 });
    expect(await job.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(attempts()).toBe(afterFirstRun);
  });
});

describe('Zalo OA staff relay', () => {
  it('a question handed to staff is answered in the Telegram staff chat and relayed back to the OA follower', async () => {
    const { createLateDeliver } = await import('../../../src/jobs/deliver.js');
    const program = loadProgram();
    const relay = createLateDeliver();
    const staffChat: { texts: string[] } = { texts: [] };
    const { app, fake, channel, say } = await oaApp({ app: { program: { ...program, handoff: { ...program.handoff, staffChat: 'telegram:-100777' } }, deliver: relay.deliver } });
    const telegram = { name: 'telegram' as const, start: async () => undefined, stop: async () => undefined, send: async (_a: string, m: readonly { text: string }[]) => {
      staffChat.texts.push(...m.map((x) => x.text));
      return { status: 'ok' as const };
    } };
    relay.attach([telegram, channel]);
    await channel.start();
    await say('u300', 'cho mình gặp cán bộ, hộ kinh doanh đổi chủ thì đăng ký thế nào');
    expect(await say('u300', 'Có, chuyển giúp mình')).toMatch(/mã H1/);
    expect(staffChat.texts.join('\n')).toMatch(/Câu hỏi H1 của người dân \(qua zalo-oa\)/);
    await app.handle({ from: 'telegram:-100777', text: '#H1 Bạn mang giấy chứng nhận mới đến phường nhé' });
    expect(fake.textsTo('u300').at(-1)).toBe('Cán bộ trả lời: Bạn mang giấy chứng nhận mới đến phường nhé');
  });
});
