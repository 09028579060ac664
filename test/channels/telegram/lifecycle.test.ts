/** start/stop, the command menu, webhook mode and proactive sends. */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TelegramChannelError } from '../../../src/channels/telegram/errors.js';
import type { FakeEngine } from '../../support/fake-engine.js';
import { scriptedEngine, sleep, startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe('telegram: start', () => {
  it('sets the command menu in Vietnamese (default) and English', async () => {
    h = await startHarness(scriptedEngine().handle);
    const calls = h.fake.callsTo('setMyCommands').map((c) => c.params);
    const vi = calls.find((p) => p['language_code'] === undefined);
    const en = calls.find((p) => p['language_code'] === 'en');
    const names = ['start', 'menu', 'help', 'lang', 'privacy', 'mydata', 'deletedata', 'withdraw', 'stop'];
    expect(vi?.['commands']).toEqual(names.map((command) => ({ command, description: h?.i18n.t('vi', `telegram.commands.${command}`) })));
    expect(en?.['commands']).toEqual(names.map((command) => ({ command, description: h?.i18n.t('en', `telegram.commands.${command}`) })));
    expect(h.i18n.t('vi', 'telegram.commands.help')).not.toBe(h.i18n.t('en', 'telegram.commands.help'));
  });

  it('a failing setMyCommands is logged and the bot still serves', async () => {
    const engine = scriptedEngine();
    h = await startHarness(engine.handle, { start: false });
    h.fake.failNext('setMyCommands', { code: 400, description: 'Bad Request: BOT_COMMAND_INVALID' }, 2);
    await h.channel.start();
    h.fake.pushText(71, 'xin chào');
    await h.fake.waitForMessages(71, 1);
    expect(h.log.entries.filter((e) => e.level === 'warn' && /setMyCommands/.test(e.message))).toHaveLength(2);
  });

  it('a rejected token fails start() with an error that names TELEGRAM_BOT_TOKEN', async () => {
    h = await startHarness(scriptedEngine().handle, { start: false, token: '999:wrong', botInfo: undefined });
    const failure = await h.channel.start().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TelegramChannelError);
    expect(failure).toMatchObject({ code: 'token', message: expect.stringContaining('TELEGRAM_BOT_TOKEN') });
  });
});

describe('telegram: stop', () => {
  it('stop() waits for updates in progress, then confirms the last update', async () => {
    let entered: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      entered = resolve;
    });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handle: FakeEngine = async () => {
      entered();
      await gate;
      return [{ text: 'xong' }];
    };
    h = await startHarness(handle);
    const update = h.fake.pushText(81, 'chậm');
    await started;

    let stopped = false;
    const stopping = h.channel.stop().then(() => {
      stopped = true;
    });
    await sleep(100);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(h.fake.sent(81).map((m) => m.text)).toEqual(['xong']);
    expect(h.fake.confirmedOffset).toBe(update.update_id + 1);
  });
});

describe('telegram: webhook mode', () => {
  it('rejects a wrong or missing secret with 401, serves the right one, and closes the server on stop', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram`;
    h = await startHarness(scriptedEngine().handle, { webhook: { url, secret: 'right_secret-123-0123456789abcdef0123456789', port, host: '127.0.0.1' } });
    expect(h.fake.webhook).toEqual({ url, secret_token: 'right_secret-123-0123456789abcdef0123456789' });
    expect(h.fake.callsTo('getUpdates')).toEqual([]);

    const update = { update_id: 1, message: { message_id: 1, date: 0, chat: { id: 91, type: 'private', first_name: 'A' }, from: { id: 91, is_bot: false, first_name: 'A' }, text: 'hello' } };
    expect(await h.fake.postToWebhook(update as never, 'wrong')).toBe(401);
    expect(await h.fake.postToWebhook(update as never, '')).toBe(401);
    expect(h.fake.sent(91)).toEqual([]);

    h.fake.pushText(91, 'xin chào');
    const [reply] = await h.fake.waitForMessages(91, 1);
    expect(reply?.text).toBe('echo: xin chào');
    await h.fake.waitUntil(() => (h?.fake.webhookStatuses.length === 1 ? true : undefined), 'the webhook response');
    expect(h.fake.webhookStatuses).toEqual([200]);

    await h.channel.stop();
    await expect(h.fake.postToWebhook(update as never)).rejects.toThrow();
  });

  it('refuses a body over 1 MB with 413 without a turn, even with the right secret (issue #18)', async () => {
    const port = await freePort();
    const secret = 'a'.repeat(32);
    h = await startHarness(scriptedEngine().handle, { webhook: { url: `http://127.0.0.1:${port}/telegram`, secret, port, host: '127.0.0.1' } });
    const text = 'x'.repeat(1024 * 1024 + 10);
    const update = { update_id: 5, message: { message_id: 5, date: 0, chat: { id: 92, type: 'private', first_name: 'B' }, from: { id: 92, is_bot: false, first_name: 'B' }, text } };
    const post = (body: string, secretToken: string) =>
      fetch(`http://127.0.0.1:${port}/telegram`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secretToken }, body });
    expect((await post(JSON.stringify(update), secret)).status).toBe(413);
    expect((await post(JSON.stringify(update), 'b'.repeat(32))).status).toBe(401);
    expect(h.fake.sent(92)).toEqual([]);
  });

  it('refuses a guessable webhook secret (under 32 characters), saying how to make one (issue #18)', async () => {
    await expect(
      startHarness(scriptedEngine().handle, { start: false, webhook: { url: 'https://x.test/', secret: 'a', port: 0 } }),
    ).rejects.toThrow(/TELEGRAM_WEBHOOK_SECRET.*32.*openssl rand -hex 32/);
  });

  it('refuses a webhook secret Telegram would reject, naming the variable', async () => {
    await expect(
      startHarness(scriptedEngine().handle, { start: false, webhook: { url: 'https://x.test/', secret: 'có dấu', port: 0 } }),
    ).rejects.toThrow(/TELEGRAM_WEBHOOK_SECRET/);
  });
});

describe('telegram: proactive send', () => {
  it('delivers with the reply rendering and reports blocked people without throwing', async () => {
    h = await startHarness(scriptedEngine().handle);
    h.fake.blockChat(102);
    const ok = await h.channel.send('telegram:101', [{ text: 'Nhắc bạn: <hạn> & phí', choices: [{ id: 'k', label: 'OK' }] }]);
    const blocked = await h.channel.send('telegram:102', [{ text: 'Nhắc bạn' }]);

    expect(ok).toEqual({ status: 'ok' });
    expect(h.fake.sent(101)[0]).toMatchObject({ text: 'Nhắc bạn: <hạn> & phí', reply_markup: { inline_keyboard: [[{ text: 'OK', callback_data: 'k' }]] } });
    expect(blocked).toEqual({ status: 'blocked' });
    expect(h.log.entries.find((e) => e.level === 'info' && /blocked/.test(e.message))?.fields).toEqual({ address: 'telegram:102' });
  });

  it('a foreign address is a programming error: send() rejects with TelegramChannelError code address', async () => {
    h = await startHarness(scriptedEngine().handle);
    await expect(h.channel.send('zalo:103', [{ text: 'x' }])).rejects.toSatisfy(
      (error: unknown) => error instanceof TelegramChannelError && error.code === 'address',
    );
  });
});
