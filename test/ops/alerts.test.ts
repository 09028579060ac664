/**
 * Admin alerts with a fixed clock moved by hand: the alert job reads the
 * channels' health and the jobs' failure streaks every 30 s, and the admins
 * get exactly one message per outage and one when it is over.
 */
import { describe, expect, it } from 'vitest';
import type { Address, Outgoing } from '../../src/core/message.js';
import type { Channel, ChannelHealth } from '../../src/core/ports.js';
import { createI18n } from '../../src/i18n.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { observeCoordination } from '../../src/ops/instrument.js';
import { startAlerts } from '../../src/ops/alerts.js';
import { createAlertBook } from '../../src/ops/alert-book.js';
import { createLocalCoordination } from '../../src/storage/coordination.js';
import { fixedClock } from '../fakes/clock.js';

const i18n = createI18n();
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

function fakeChannel(name: Channel['name']): Channel & { set(health: ChannelHealth): void } {
  let current: ChannelHealth = { up: true };
  return {
    name,
    start: async () => undefined,
    stop: async () => undefined,
    send: async () => ({ status: 'unsupported' }),
    health: () => current,
    set(health) {
      current = health;
    },
  };
}

function setup(admins: readonly Address[] = ['telegram:100', 'zalo:200']) {
  const clock = fixedClock('2026-11-23T09:00:00+07:00');
  const zalo = fakeChannel('zalo');
  const telegram = fakeChannel('telegram');
  const coordination = observeCoordination(createLocalCoordination(), createMetrics({ channels: () => [], outboxPending: async () => 0 }));
  const inbox: { to: Address; text: string }[] = [];
  const alerts = startAlerts({
    admins,
    channels: () => [telegram, zalo],
    streaks: coordination.streaks,
    send: async (to: Address, messages: readonly Outgoing[]) => {
      for (const message of messages) inbox.push({ to, text: message.text });
      return { ok: true };
    },
    t: i18n.t,
    has: i18n.has,
    localeOf: async (address) => (address === 'zalo:200' ? 'en' : 'vi'),
    clock,
    log: quiet,
    host: 'bot-1',
    schedule: () => () => undefined,
  });
  /** Lets `minutes` pass, the alert job ticking every 30 s as in production. */
  const pass = async (minutes: number): Promise<void> => {
    for (let i = 0; i < minutes * 2; i += 1) {
      clock.set(new Date(clock.now().getTime() + 30_000).toISOString());
      await alerts.tick();
    }
  };
  return { clock, zalo, telegram, coordination, inbox, alerts, pass };
}

describe('alerts to admins', () => {
  it('Zalo logged out: one message per admin after a minute, in their language; one when it is back', async () => {
    const { zalo, inbox, pass } = setup();
    await pass(5);
    expect(inbox).toEqual([]);

    zalo.set({ up: false, problem: 'logged_out' });
    await pass(0.5);
    expect(inbox, 'a short blip is not an outage').toEqual([]);
    await pass(20);
    expect(inbox.map((m) => m.to)).toEqual(['telegram:100', 'zalo:200']);
    expect(inbox[0]?.text).toBe(
      '⚠️ Kênh Zalo của trợ lý đang ngừng hoạt động: tài khoản đã bị đăng xuất — cần đăng nhập lại (Zalo: chạy "npm run cli -- zalo-login" trên máy chủ, quét mã QR bằng điện thoại của trợ lý rồi khởi động lại trợ lý). Từ 09:05 23/11/2026, trên máy chủ bot-1. Người dân nhắn qua Zalo sẽ không được trả lời cho đến khi kênh hoạt động lại.',
    );
    expect(inbox[1]?.text).toContain("⚠️ The bot's Zalo channel is down: logged out");

    zalo.set({ up: true });
    await pass(10);
    expect(inbox).toHaveLength(4);
    expect(inbox[2]?.text).toBe('✅ Kênh Zalo đã hoạt động lại (ngừng từ 09:05 23/11/2026, máy chủ bot-1).');
    expect(inbox[3]?.text).toBe('✅ Zalo is working again (it was down since 09:05 23/11/2026, server bot-1).');
  });

  it('a channel that flaps is announced at most once an hour; a problem still there after the hour is announced then', async () => {
    const { telegram, inbox, pass } = setup(['telegram:100']);
    telegram.set({ up: false, problem: 'polling_failed' });
    await pass(2);
    expect(inbox).toHaveLength(1);
    telegram.set({ up: true });
    await pass(1);
    expect(inbox).toHaveLength(2); // recovered
    // Down again 3 minutes after the first alert, for 10 minutes: within the hour, nobody is told.
    telegram.set({ up: false, problem: 'polling_failed' });
    await pass(10);
    telegram.set({ up: true });
    await pass(5);
    expect(inbox, 'no alert and so no recovery').toHaveLength(2);
    // Down again and staying down: told once the hour since the first alert is over.
    telegram.set({ up: false, problem: 'polling_failed' });
    await pass(30);
    expect(inbox).toHaveLength(2);
    await pass(30);
    expect(inbox).toHaveLength(3);
    expect(inbox[2]?.text).toContain('Kênh Telegram của trợ lý đang ngừng hoạt động: không lấy được tin nhắn mới');
    await pass(120);
    expect(inbox, 'one message per outage, not one per hour').toHaveLength(3);
  });

  it('a token about to expire is a warning (once), and its end is said once', async () => {
    const { zalo, inbox, pass } = setup(['telegram:100']);
    zalo.set({ up: true, problem: 'token_expiring' });
    await pass(90);
    zalo.set({ up: true });
    await pass(5);
    expect(inbox.map((m) => m.text)).toEqual([
      '⚠️ Kênh Zalo cần được xử lý: mã truy cập (token) sắp hết hạn — cần gia hạn trước khi hết hạn. Từ 09:00 23/11/2026, trên máy chủ bot-1. Hiện kênh vẫn đang hoạt động.',
      '✅ Kênh Zalo: cảnh báo trước đó đã được khắc phục (mã truy cập (token) sắp hết hạn — cần gia hạn trước khi hết hạn, từ 09:00 23/11/2026, máy chủ bot-1).',
    ]);
  });

  it('a job that keeps failing: one message after the third failure in a row, one when it runs again', async () => {
    const { coordination, inbox, pass } = setup(['zalo:200']);
    const failing = () => coordination.once('followups', () => Promise.reject(new Error('database is locked')));
    await expect(failing()).rejects.toThrow('database is locked');
    await expect(failing()).rejects.toThrow();
    await pass(1);
    expect(inbox, 'two failures are not yet "keeps failing"').toEqual([]);
    await expect(failing()).rejects.toThrow();
    await pass(1);
    await expect(failing()).rejects.toThrow();
    await pass(5);
    expect(inbox.map((m) => m.text)).toEqual([
      '⚠️ The scheduled job "followups" has failed 3 times in a row (last error: database is locked). Since 09:01 23/11/2026, on server bot-1. Check the bot\'s log and the database.',
    ]);
    await coordination.once('followups', async () => 'done');
    await pass(1);
    expect(inbox[1]?.text).toBe('✅ The scheduled job "followups" runs normally again (failing since 09:01 23/11/2026, server bot-1).');
    expect(inbox).toHaveLength(2);
  });

  it('an admin who cannot be reached does not stop the others, and nothing throws', async () => {
    const clock = fixedClock('2026-11-23T09:00:00+07:00');
    const zalo = fakeChannel('zalo');
    const got: Address[] = [];
    const warnings: string[] = [];
    const alerts = startAlerts({
      admins: ['zalo:1', 'telegram:2'],
      channels: () => [zalo],
      streaks: new Map(),
      send: async (to) => {
        if (to.startsWith('zalo:')) throw new Error('Zalo is not connected');
        got.push(to);
        return { ok: true };
      },
      t: i18n.t,
      has: i18n.has,
      localeOf: () => Promise.reject(new Error('database down')),
      clock,
      log: { ...quiet, warn: (message) => warnings.push(message) },
      host: 'bot-1',
      downGraceMs: 0,
      schedule: () => () => undefined,
    });
    zalo.set({ up: false, problem: 'logged_out' });
    await expect(alerts.tick()).resolves.toBe(1);
    expect(got).toEqual(['telegram:2']);
    expect(warnings).toContain('ops alert not delivered');
    alerts.stop();
    await expect(alerts.tick()).resolves.toBe(0);
  });

  it('the alert book alone: nothing twice for the same problem', () => {
    const book = createAlertBook();
    const at = new Date('2026-11-23T02:00:00Z');
    expect(book.update(at, [{ kind: 'k', key: 'ops.channel_down', params: {} }])).toHaveLength(1);
    expect(book.update(at, [{ kind: 'k', key: 'ops.channel_down', params: {} }])).toHaveLength(0);
    expect(book.update(at, [])).toEqual([{ kind: 'k', key: 'ops.channel_down_recovered', params: {}, since: at, recovered: true }]);
  });
});
