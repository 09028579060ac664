import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ZaloApiError } from 'zca-js';
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZaloSession, writeZaloSession, ZaloSessionError } from '../../../src/channels/zalo/session-file.js';
import type { Input, Outgoing } from '../../../src/core/message.js';
import { settle, zaloKit } from './kit.js';

/** A two-step "check" that remembers where each person is, like the engine's session would. */
function checkFlow() {
  const step = new Map<string, number>();
  return (input: Input): Outgoing[] => {
    const at = step.get(input.from) ?? 0;
    step.set(input.from, at + 1);
    if (at === 0) return [{ text: 'Bạn sinh ngày nào?' }];
    return [{ text: `Đã nhận: ${'text' in input ? input.text : input.choice}` }];
  };
}

const backoff = { initialMs: 1_000, maxMs: 8_000 };

describe('Zalo connection: reconnect and logged out', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); // the back-off timers only
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('1006 (network drop) → reconnects with growing back-off, and a check in progress continues', async () => {
    const kit = zaloKit({ backoff, reply: checkFlow() });
    await kit.channel.start();
    await settle();
    expect(kit.channel.status()).toMatchObject({ state: 'online', ownId: kit.fake.ownId });
    kit.fake.userText('7001', 'kiem tra id.vn');
    await settle();

    kit.fake.close(1006);
    expect(kit.channel.status()).toMatchObject({ state: 'reconnecting', attempt: 1, retryInMs: 1_000 });
    await vi.advanceTimersByTimeAsync(999);
    expect(kit.fake.connects).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(kit.fake.connects).toBe(2);
    expect(kit.channel.status().state).toBe('online');

    kit.fake.close(1006); // flapping: the connection did not stay up, so the delay doubles
    expect(kit.channel.status()).toMatchObject({ state: 'reconnecting', attempt: 2, retryInMs: 2_000 });
    await vi.advanceTimersByTimeAsync(2_000);
    await settle();
    expect(kit.fake.connects).toBe(3);

    kit.fake.userText('7001', '15/3/2004');
    await settle();
    expect(kit.fake.textsTo('7001')).toEqual(['Bạn sinh ngày nào?', 'Đã nhận: 15/3/2004']);
    expect(kit.statuses.map((s) => s.state)).toEqual([
      'connecting', 'online', 'reconnecting', 'connecting', 'online', 'reconnecting', 'connecting', 'online',
    ]);
  });

  it('the back-off is capped at maxMs, while the network stays down', async () => {
    const kit = zaloKit({ backoff });
    await kit.channel.start();
    await settle();
    kit.fake.failConnect(new TypeError('fetch failed'), 6);
    kit.fake.close(1006);
    const delays: number[] = [];
    for (let status = kit.channel.status(); status.state === 'reconnecting'; status = kit.channel.status()) {
      delays.push(status.retryInMs);
      await vi.advanceTimersByTimeAsync(status.retryInMs);
      await settle();
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000, 8_000]); // the drop, then 6 failed logins
    expect(kit.channel.status().state).toBe('online');
  });

  it.each([
    [3000, 'opened in Zalo Web/PC elsewhere'],
    [3003, 'kicked out'],
  ])('close code %i → logged_out, a log line naming zalo-login, and no reconnect loop', async (code, why) => {
    const kit = zaloKit({ backoff });
    await kit.channel.start();
    await settle();
    kit.fake.close(code);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    await settle();
    expect(kit.fake.connects).toBe(1);
    const status = kit.channel.status();
    expect(status).toMatchObject({ state: 'logged_out' });
    expect(status.state === 'logged_out' && status.reason).toContain(why);
    expect(kit.statuses.at(-1)).toEqual(status);
    expect(kit.log.lines.filter((l) => l.startsWith('error:'))).toEqual([expect.stringContaining('npm run cli -- zalo-login')]);
  });

  it('cookies expired: the re-login after a drop is refused → logged_out, no further attempts', async () => {
    const kit = zaloKit({ backoff });
    await kit.channel.start();
    await settle();
    kit.fake.failConnect(new ZaloApiError('Failed to fetch server info: zpw_sek bị thiếu hoặc không đúng'));
    kit.fake.close(1006);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    await settle();
    expect(kit.fake.connects).toBe(2);
    expect(kit.channel.status()).toMatchObject({ state: 'logged_out', reason: expect.stringContaining('zpw_sek') });
  });

  it('connect() throwing does not reject start(): missing login → logged_out; network error → retry later', async () => {
    const missing = zaloKit({ backoff });
    missing.fake.failConnect(new ZaloSessionError('ZALO_SESSION_MISSING', '/srv/bot/data/zalo-session.json'));
    await expect(missing.channel.start()).resolves.toBeUndefined();
    expect(missing.channel.status()).toMatchObject({ state: 'logged_out', reason: 'No saved Zalo login at /srv/bot/data/zalo-session.json' });

    const offline = zaloKit({ backoff });
    offline.fake.failConnect(new TypeError('fetch failed'));
    await expect(offline.channel.start()).resolves.toBeUndefined();
    expect(offline.channel.status()).toMatchObject({ state: 'reconnecting', attempt: 1 });
    await vi.advanceTimersByTimeAsync(1_000);
    await settle();
    expect(offline.channel.status().state).toBe('online');
  });

  it('a login that never answers is given up after 30 s and retried, without blocking start() longer', async () => {
    const kit = zaloKit({ backoff });
    kit.fake.hangNextConnect();
    const started = kit.channel.start();
    await vi.advanceTimersByTimeAsync(30_000);
    await expect(started).resolves.toBeUndefined();
    expect(kit.channel.status()).toMatchObject({ state: 'reconnecting', reason: 'login failed: no answer from Zalo within 30 s' });
    await vi.advanceTimersByTimeAsync(1_000);
    await settle();
    expect(kit.channel.status().state).toBe('online');
  });

  it('stop() during the back-off cancels the reconnect', async () => {
    const kit = zaloKit({ backoff });
    await kit.channel.start();
    await settle();
    kit.fake.close(1006);
    await kit.channel.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(kit.fake.connects).toBe(1);
    expect(kit.channel.status().state).toBe('stopped');
  });
});

describe('Zalo connection: credentials', () => {
  it('re-saves credentials after login and whenever zca-js has refreshed the cookies', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }); // the refresh check only
    try {
      const kit = zaloKit({ refreshCredentialsEveryMs: 10 });
      await kit.channel.start();
      await settle();
      expect(kit.saved).toEqual([{ cookie: kit.fake.cookies, imei: 'fake-imei-0001', userAgent: 'Mozilla/5.0 (FakeZalo)', language: 'vi' }]);
      vi.advanceTimersByTime(30); // three checks
      await settle();
      expect(kit.saved).toHaveLength(1); // unchanged cookies are not rewritten
      kit.fake.cookies = [{ key: 'zpw_sek', value: 'sek-2', domain: 'chat.zalo.me', path: '/' }];
      vi.advanceTimersByTime(10);
      await settle();
      expect(kit.saved).toHaveLength(2);
      expect(kit.saved[1]).toMatchObject({ cookie: [{ value: 'sek-2' }] });
      await kit.channel.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('with only sessionPath, the refreshed login is written back to that file, owner-only', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'zalo-resave-')), 'zalo-session.json');
    const kit = zaloKit({ sessionPath: path, saveCredentials: undefined });
    await writeZaloSession(path, { cookie: [{ key: 'zpw_sek', value: 'old' }], imei: 'fake-imei-0001', userAgent: 'Mozilla/5.0 (FakeZalo)' });
    kit.fake.cookies = [{ key: 'zpw_sek', value: 'rotated', domain: 'chat.zalo.me', path: '/' }];
    await kit.channel.start();
    await kit.channel.stop();
    expect((await readZaloSession(path)).cookie).toEqual(kit.fake.cookies);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });
});
