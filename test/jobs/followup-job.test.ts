/**
 * The follow-up job against real SQLite: due rows are sent through the
 * person's channel at the configured rate (an injected sleep stands in for
 * time), then marked sent; failures are retried, then marked failed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Address, ChannelName, Outgoing } from '../../src/core/message.js';
import type { Channel, SendOutcome } from '../../src/core/ports.js';
import { createFollowupJob, startFollowupJob } from '../../src/jobs/followup-job.js';
import { createChannelSend } from '../../src/jobs/channel-send.js';
import { loadProgram } from '../../src/data.js';
import { createTestApp, type TestApp } from '../support/app.js';

let app: TestApp | undefined;
afterEach(() => app?.close());

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Puts `n` opted-in people with a reminder due now straight into the tables. */
function seedDue(a: TestApp, addresses: readonly Address[], kind = 'remind'): void {
  const now = a.clock.now().toISOString();
  for (const address of addresses) {
    a.store.db.prepare(`INSERT INTO people (address, locale, consent, consent_at, created_at, updated_at) VALUES (?, 'vi', 'granted', ?, ?, ?)`).run(address, now, now, now);
    a.store.db.prepare(`INSERT INTO followups (address, kind, track, due_at, created_at) VALUES (?, ?, 'id.vn', ?, ?)`).run(address, kind, now, now);
  }
}

function fakeTime() {
  let ms = 0;
  const sendsAt: number[] = [];
  return {
    sendsAt,
    sleep: (wait: number) => {
      ms += wait;
      return Promise.resolve();
    },
    now: () => ms,
  };
}

describe('follow-up job', () => {
  it('sends due follow-ups no faster than ratePerSecond and marks them sent', async () => {
    app = createTestApp();
    const people = Array.from({ length: 10 }, (_, i): Address => `zalo:${1000 + i}`);
    seedDue(app, people);
    const time = fakeTime();
    const sent: { address: Address; messages: readonly Outgoing[]; at: number }[] = [];
    const job = createFollowupJob({
      store: app.store.followups, clock: app.clock, program: loadProgram(), render: app.i18n.render, log: silent,
      ratePerSecond: 4, sleep: time.sleep,
      send: (address, messages) => {
        sent.push({ address, messages, at: time.now() });
        return Promise.resolve({ ok: true });
      },
    });
    expect(await job.runOnce()).toEqual({ sent: 10, failed: 0, retried: 0 });
    expect(sent.map((s) => s.address)).toEqual(people);
    // 4 per second: 250 ms apart, so any one-second window holds at most 4 sends.
    for (const [i, s] of sent.entries()) {
      const inWindow = sent.filter((o) => o.at >= s.at && o.at < s.at + 1000).length;
      expect(inWindow, `window starting at send ${i}`).toBeLessThanOrEqual(4);
    }
    expect(sent.at(-1)?.at).toBe(9 * 250);
    expect(sent[0]?.messages[0]?.text).toMatch(/Bạn đã đăng ký chưa\?/);
    expect(await job.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
  });

  it('retries a failed send later, then marks it failed; a blocked person fails at once', async () => {
    app = createTestApp();
    seedDue(app, ['zalo:1', 'telegram:2']);
    const job = createFollowupJob({
      store: app.store.followups, clock: app.clock, program: loadProgram(), render: app.i18n.render, log: silent,
      sleep: () => Promise.resolve(), maxAttempts: 2, retryAfterMs: 60_000,
      send: (address) => Promise.resolve(address === 'telegram:2' ? { ok: false, error: 'blocked', permanent: true } : { ok: false, error: 'Zalo is not connected' }),
    });
    expect(await job.runOnce()).toEqual({ sent: 0, failed: 1, retried: 1 });
    expect(await job.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
    app.clock.set(new Date(app.clock.now().getTime() + 61_000).toISOString());
    expect(await job.runOnce()).toEqual({ sent: 0, failed: 1, retried: 0 });
    const rows = app.store.db.prepare('SELECT address, attempts, failed_at IS NOT NULL AS failed, error FROM followups ORDER BY id').all();
    expect(rows).toEqual([
      { address: 'zalo:1', attempts: 2, failed: 1, error: 'Zalo is not connected' },
      { address: 'telegram:2', attempts: 1, failed: 1, error: 'blocked' },
    ]);
  });

  it('started, it runs at once and stops cleanly', async () => {
    app = createTestApp();
    seedDue(app, ['zalo:1']);
    const sent: Address[] = [];
    const job = startFollowupJob({
      store: app.store.followups, clock: app.clock, program: loadProgram(), render: app.i18n.render, log: silent, intervalMs: 60_000,
      send: (address) => {
        sent.push(address);
        return Promise.resolve({ ok: true });
      },
    });
    await vi.waitFor(() => expect(sent).toEqual(['zalo:1']));
    await job.stop();
    expect(app.store.db.prepare('SELECT count(*) FROM followups WHERE sent_at IS NOT NULL').pluck().get()).toBe(1);
  });
});

describe('createChannelSend', () => {
  it('routes by the address prefix, maps each typed outcome (blocked and unsupported are permanent), and reports a missing channel', async () => {
    const calls: string[] = [];
    const channel = (name: ChannelName, outcome: SendOutcome): Channel => ({
      name, start: () => Promise.resolve(), stop: () => Promise.resolve(),
      send: (address: Address) => {
        calls.push(`${name} ${address}`);
        return Promise.resolve(outcome);
      },
    });
    const send = createChannelSend([
      channel('telegram', { status: 'blocked' }),
      channel('zalo', { status: 'failed', error: 'Zalo is not connected (status: reconnecting).' }),
      channel('zalo-bot', { status: 'ok' }),
      channel('zalo-oa', { status: 'unsupported' }),
    ]);
    expect(await send('telegram:1', [{ text: 'x' }])).toEqual({ ok: false, error: 'blocked', permanent: true });
    expect(await send('zalo:2', [{ text: 'x' }])).toEqual({ ok: false, error: 'Zalo is not connected (status: reconnecting).' });
    expect(await send('zalo-bot:3', [{ text: 'x' }])).toEqual({ ok: true });
    expect(await send('zalo-oa:4', [{ text: 'x' }])).toEqual({ ok: false, error: 'the zalo-oa channel cannot send proactive messages', permanent: true });
    expect(await send('console:5', [{ text: 'x' }])).toEqual({ ok: false, error: 'no running channel for console' });
    expect(calls).toEqual(['telegram telegram:1', 'zalo zalo:2', 'zalo-bot zalo-bot:3', 'zalo-oa zalo-oa:4']);
  });
});
