import { describe, expect, it } from 'vitest';
import type { Address } from '../../src/core/message.js';
import type { Logger } from '../../src/core/runner.js';
import { startRetentionJob, type Scheduler } from '../../src/jobs/retention-job.js';
import { purgeExpired, retentionCutoff } from '../../src/storage/retention.js';
import { runCli, tempDatabase } from '../support/run-cli.js';
import { openedApps, type createTestApp, type TestApp } from '../support/app.js';
import { chatUser } from './chat-user.js';

let app: TestApp;
const apps = openedApps();
function start(options: Parameters<typeof createTestApp>[0] = {}): TestApp {
  app = apps.start(options);
  return app;
}

const START = '2024-01-10T09:00:00+07:00';

/** A person who consents to one eligible id.vn check. */
async function consented(address: Address): Promise<void> {
  const user = chatUser(app, address);
  await user.send('tôi 20 tuổi');
  await user.press('Đồng ý lưu');
}

const row = (sql: string): unknown => app.store.db.prepare(sql).pluck().get();

describe('purgeExpired (RETENTION_DAYS)', () => {
  it('deletes people and sessions inactive longer than the retention and anonymises their checks; counts stay', async () => {
    start({ now: START });
    await consented('zalo:old');
    await chatUser(app, 'telegram:500').send('xin chào'); // a session only, nobody stored
    app.clock.advanceDays(400);
    await consented('telegram:recent');
    app.clock.advanceDays(331); // old: 731 days ago; recent: 331 days ago

    const result = purgeExpired(app.store.db, app.clock.now(), 730);
    expect(result).toEqual({ cutoff: retentionCutoff(app.clock.now(), 730), people: 1, sessions: 2, checks: 1, other: 0 });
    expect(await app.store.records.getPerson('zalo:old')).toBeUndefined();
    expect(await app.store.sessions.read('zalo:old')).toBeUndefined();
    expect(await app.store.sessions.read('telegram:500')).toBeUndefined();
    expect(await app.store.records.getPerson('telegram:recent')).toMatchObject({ consent: 'granted' });
    expect(await app.store.records.checksOf('telegram:recent')).toHaveLength(1);
    expect(await app.store.records.countChecks()).toEqual([{ track: 'id.vn', outcome: 'eligible', count: 2 }]);
    expect(row('SELECT count(*) FROM checks WHERE address IS NULL')).toBe(1);

    // Idempotent: nothing more to do the same day.
    expect(purgeExpired(app.store.db, app.clock.now(), 730)).toMatchObject({ people: 0, sessions: 0, checks: 0 });
  });

  it('keeps a person who is still active, but their checks older than the retention lose the address', async () => {
    start({ now: START });
    await consented('zalo:loyal'); // person row stamped now
    app.clock.advanceDays(700);
    const user = chatUser(app, 'zalo:loyal');
    await user.send('tôi 21 tuổi'); // a new check, consent already given
    app.clock.advanceDays(40); // first check 740 days old, the person active 40 days ago

    expect(purgeExpired(app.store.db, app.clock.now(), 730)).toMatchObject({ people: 0, sessions: 0, checks: 1 });
    expect(await app.store.records.getPerson('zalo:loyal')).toBeDefined();
    expect(await app.store.records.checksOf('zalo:loyal')).toHaveLength(1);
    expect(row('SELECT count(*) FROM checks')).toBe(2);
  });

  it('one day short of the retention nothing is touched', async () => {
    start({ now: START });
    await consented('console:an');
    app.clock.advanceDays(729);
    expect(purgeExpired(app.store.db, app.clock.now(), 730)).toMatchObject({ people: 0, sessions: 0, checks: 0 });
    expect(await app.store.records.getPerson('console:an')).toBeDefined();
  });

  it('an inactive person\'s address is in no table afterwards: reminders, news opt-in and registrations included', async () => {
    start({ now: START });
    const address: Address = 'telegram:31415926';
    const user = chatUser(app, address);
    await user.send('/start DTN_KIENAN_07');
    await user.send('tôi 20 tuổi');
    await user.press('Đồng ý lưu');
    if (user.labels().includes('Nhắc mình + nhận tin mới')) await user.press('Nhắc mình + nhận tin mới');
    await user.send('mình đã đăng ký tên miền tranvanbinh.id.vn rồi');
    app.clock.advanceDays(731);
    const result = purgeExpired(app.store.db, app.clock.now(), 730);
    expect(result).toMatchObject({ people: 1, sessions: 1, checks: 1 });
    const tables = app.store.db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all();
    const dump = tables.map((t) => JSON.stringify(app.store.db.prepare(`SELECT * FROM "${t}"`).all())).join('\n');
    expect(dump).not.toContain(address);
    expect(dump).not.toContain('tranvanbinh');
    if (tables.includes('registrations')) expect(result.other).toBeGreaterThan(0);
    expect(await app.store.records.countChecks()).toEqual([{ track: 'id.vn', outcome: 'eligible', count: 1 }]);
  });

  it('refuses a nonsense retention with the fix', () => {
    start();
    expect(() => purgeExpired(app.store.db, app.clock.now(), 0)).toThrow(/RETENTION_DAYS/);
  });
});

describe('startRetentionJob', () => {
  const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));
  function recordingLog(): Logger & { lines: { level: string; message: string; fields?: Record<string, unknown> }[] } {
    const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
    const at = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push({ level, message, ...(fields ? { fields } : {}) });
    return { lines, info: at('info'), warn: at('warn'), error: at('error') };
  }

  function manualScheduler(): Scheduler & { tick(): void; everyMs?: number; cancelled: boolean } {
    let run: (() => void) | undefined;
    const scheduler = Object.assign(
      (fn: () => void, everyMs: number) => {
        run = fn;
        scheduler.everyMs = everyMs;
        return () => {
          scheduler.cancelled = true;
        };
      },
      { tick: () => run?.(), everyMs: undefined as number | undefined, cancelled: false },
    );
    return scheduler;
  }

  it('purges at start and then once per interval with the clock of that moment; stop cancels', async () => {
    start({ now: START });
    await consented('zalo:a');
    app.clock.advanceDays(100);
    await consented('zalo:b');
    const log = recordingLog();
    const schedule = manualScheduler();
    const job = startRetentionJob({ store: app.store, clock: app.clock, retentionDays: 730, log, schedule });
    await settle();
    expect(schedule.everyMs).toBe(86_400_000);
    expect(log.lines).toEqual([expect.objectContaining({ level: 'info', message: 'retention purge', fields: expect.objectContaining({ people: 0 }) })]);

    app.clock.advanceDays(631); // zalo:a is 731 days old
    schedule.tick();
    await settle();
    expect(await app.store.records.getPerson('zalo:a')).toBeUndefined();
    expect(await app.store.records.getPerson('zalo:b')).toBeDefined();
    app.clock.advanceDays(100);
    schedule.tick();
    await settle();
    expect(await app.store.records.getPerson('zalo:b')).toBeUndefined();
    expect(log.lines.map((l) => l.fields?.['people'])).toEqual([0, 1, 1]);
    expect(JSON.stringify(log.lines)).not.toMatch(/zalo:/);

    job.stop();
    expect(schedule.cancelled).toBe(true);
    expect(await job.runNow()).toBeUndefined();
  });

  it('a failing purge is logged and retried at the next tick, never thrown', async () => {
    start({ now: START });
    const log = recordingLog();
    const schedule = manualScheduler();
    app.store.db.exec('ALTER TABLE sessions RENAME TO sessions_away');
    startRetentionJob({ store: app.store, clock: app.clock, retentionDays: 730, log, schedule });
    await settle();
    expect(log.lines).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(/retention purge failed/) })]);
    app.store.db.exec('ALTER TABLE sessions_away RENAME TO sessions');
    schedule.tick();
    await settle();
    expect(log.lines[1]).toMatchObject({ level: 'info', message: 'retention purge' });
  });
});

describe('npm run cli -- purge', () => {
  it('applies RETENTION_DAYS at BOT_CLOCK and prints the counts', async () => {
    const file = tempDatabase();
    const env = { DATABASE_PATH: file, BOT_CLOCK: '2024-01-10T09:00:00+07:00' };
    const chat = await runCli(['chat', '--jsonl'], ['{"user":"lan","text":"tôi 20 tuổi"}', '{"user":"lan","choice":"consent:yes"}'].join('\n'), env);
    expect(chat.code).toBe(0);
    const early = await runCli(['purge'], '', { ...env, BOT_CLOCK: '2025-01-10T09:00:00+07:00' });
    expect(early.stdout).toMatch(/older than 730 days .*: 0 people deleted, 0 sessions deleted, 0 checks anonymised, 0 other rows/);
    const late = await runCli(['purge'], '', { ...env, BOT_CLOCK: '2026-01-11T09:00:00+07:00', RETENTION_DAYS: '365' });
    expect(late.code).toBe(0);
    expect(late.stdout).toMatch(/older than 365 days \(last active before 2025-01-11T02:00:00\.000Z\): 1 people deleted, 1 sessions deleted, 1 checks anonymised, 0 other rows/);
  });
});
