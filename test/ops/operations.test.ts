/**
 * The operations endpoints in one process: the real assistant on real SQLite,
 * composed through createOperations the way src/main.ts does it, and the
 * operations HTTP server on 127.0.0.1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant.js';
import type { Handler } from '../../src/core/message.js';
import type { Channel, ChannelHealth } from '../../src/core/ports.js';
import { understand } from '../../src/core/nlu/index.js';
import type { Session } from '../../src/core/session.js';
import { loadProgram } from '../../src/data.js';
import { createHttpServer, type HttpServer } from '../../src/http/http-server.js';
import { createI18n } from '../../src/i18n.js';
import { createOperations, type Operations } from '../../src/ops/operations.js';
import { openStore, type Store } from '../../src/storage/index.js';
import { fixedClock } from '../fakes/clock.js';

const i18n = createI18n();
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function compose(): Promise<{ url: string; ops: Operations; handle: Handler; store: Store<Session> }> {
  const clock = fixedClock('2026-11-23T09:00:00+07:00');
  const store = openStore<Session>(':memory:', { clock });
  const http: HttpServer = createHttpServer({ port: 0, host: '127.0.0.1' });
  const ops = createOperations({ http, store, log: quiet, clock, admins: [], alerts: { schedule: () => () => undefined } });
  const handle = ops.observe(
    createAssistant({
      clock,
      program: loadProgram(),
      i18n,
      understand,
      sessions: store.sessions,
      records: ops.records,
      log: quiet,
      retentionDays: 730,
      defaultLocale: 'vi',
    }),
    i18n,
  );
  const port = await http.listen();
  cleanup.push(async () => store.close(), () => http.close());
  return { url: `http://127.0.0.1:${port}`, ops, handle, store };
}

function channel(name: Channel['name'], health?: ChannelHealth): Channel {
  return { name, start: async () => undefined, stop: async () => undefined, send: async () => ({ status: 'unsupported' }), ...(health ? { health: () => health } : {}) };
}

/** `name{labels} value` lines of a Prometheus text, as a map. */
function samples(text: string): Map<string, number> {
  return new Map(
    text
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.lastIndexOf(' ')), Number(line.slice(line.lastIndexOf(' ') + 1))]),
  );
}

describe('/healthz, /readyz and /metrics', () => {
  it('/healthz is 200 all along; /readyz is 503 while starting, 200 once started, 503 while stopping', async () => {
    const { url, ops } = await compose();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const starting = await fetch(`${url}/readyz`);
    expect(starting.status).toBe(503);
    expect(await starting.json()).toEqual({ status: 'starting' });

    ops.started({ channels: [channel('telegram', { up: true }), channel('zalo', { up: false, problem: 'logged_out' })], i18n, localeOf: async () => 'vi' });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status, 'a logged-out Zalo does not take the process off the load balancer').toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      channels: { telegram: { up: true }, zalo: { up: false, problem: 'logged_out' } },
    });

    ops.stopping();
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('/readyz is 503 when the database does not answer', async () => {
    const { url, ops, store } = await compose();
    ops.started({ channels: [channel('console')], i18n, localeOf: async () => 'vi' });
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    store.close();
    const down = await fetch(`${url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'database_unavailable', channels: { console: { up: true } } });
  });

  it('/metrics counts messages, replies, turns and checks by channel, track and outcome — never an address', async () => {
    const { url, ops, handle } = await compose();
    ops.started({ channels: [channel('telegram', { up: true }), channel('zalo', { up: false, problem: 'logged_out' })], i18n, localeOf: async () => 'vi' });
    await handle({ from: 'telegram:987654321', text: '/start' });
    await handle({ from: 'telegram:987654321', text: 'em 19t co dc dk id.vn ko' });
    await handle({ from: 'telegram:987654321', choice: 'consent:yes' });
    await handle({ from: 'zalo:5550001', text: 'sinh 15/3/2004, dk id.vn duoc ko' });
    await handle({ from: 'zalo:5550001', choice: 'consent:no' });

    const response = await fetch(`${url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    const values = samples(text);
    expect(values.get('bot_messages_received_total{channel="telegram"}')).toBe(3);
    expect(values.get('bot_messages_received_total{channel="zalo"}')).toBe(2);
    expect(values.get('bot_turn_duration_seconds_count{channel="telegram"}')).toBe(3);
    expect(values.get('bot_replies_sent_total{channel="telegram",outcome="ok"}')).toBeGreaterThanOrEqual(2);
    expect(values.get('bot_checks_total{track="id.vn",outcome="eligible"}')).toBe(2);
    expect(values.get('bot_channel_up{channel="telegram"}')).toBe(1);
    expect(values.get('bot_channel_up{channel="zalo"}')).toBe(0);
    expect(values.get('bot_outbox_pending')).toBe(0);
    expect(values.has('process_cpu_user_seconds_total'), 'prom-client default process metrics').toBe(true);
    expect(values.has('nodejs_eventloop_lag_seconds')).toBe(true);
    expect(text).not.toMatch(/987654321|5550001/);
  });

  it('counts job runs (ok, failed, skipped) and the apology as its own reply outcome', async () => {
    const { url, ops } = await compose();
    await ops.coordination.once('retention', async () => 1);
    await ops.coordination.once('retention', () => Promise.reject(new Error('disk full'))).catch(() => undefined);
    const apology = ops.observe(async () => ({ messages: [{ text: i18n.t('vi', 'common.error') }], locale: 'vi' }), i18n);
    await apology({ from: 'console:local', text: 'x' });
    const thrower = ops.observe(() => Promise.reject(new Error('bug')), i18n);
    await expect(thrower({ from: 'console:local', text: 'x' })).rejects.toThrow('bug');
    const values = samples(await (await fetch(`${url}/metrics`)).text());
    expect(values.get('bot_job_runs_total{job="retention",outcome="ok"}')).toBe(1);
    expect(values.get('bot_job_runs_total{job="retention",outcome="failed"}')).toBe(1);
    expect(values.get('bot_replies_sent_total{channel="console",outcome="apology"}')).toBe(1);
    expect(values.get('bot_replies_sent_total{channel="console",outcome="failed"}')).toBe(1);
    expect(ops.coordination.streaks.get('retention')).toEqual({ failures: 1, error: 'disk full' });
  });
});
