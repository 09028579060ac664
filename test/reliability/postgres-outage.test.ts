/**
 * PostgreSQL goes away under a running bot and comes back: every message in
 * between gets the friendly apology (nothing half-saved, no crash), the Zalo
 * leader steps down, and once the server is back the same objects carry on —
 * the conversation resumes where it was saved and leadership is taken again.
 * Its own server, so the suite's shared one is never stopped.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n.js';
import { createPgCoordination } from '../../src/storage/postgres/coordination.js';
import { createPgTestApp, type PgTestApp } from '../support/app.js';
import { describePg } from '../support/postgres.js';
import { waitUntil } from '../support/wait.js';
import { startPostgres, type PostgresServer } from '../support/postgres-server.js';

let server: PostgresServer | undefined;
let app: PgTestApp | undefined;
afterAll(async () => {
  await app?.close().catch(() => undefined);
  server?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const apology = createI18n().t('vi', 'common.error');

describePg('a PostgreSQL outage', () => {
  beforeAll(async () => {
    server = await startPostgres();
    app = await createPgTestApp(server.url);
  }, 60_000);

  it('is answered with an apology, then the bot carries on from the last saved step', async () => {
    const the = app!;
    const say = async (text: string) => (await the.replies({ from: 'telegram:77', text })).map((m) => m.text).join('\n');
    const events: string[] = [];
    const leader = createPgCoordination(the.store.db, { retryMs: 200 }).lead('zalo', {
      onGain: () => void events.push('leads'),
      onLose: () => void events.push('steps down'),
    });
    expect(await say('xin chào')).toMatch(/Xin chào/);
    expect(await say('1')).toMatch(/Bạn sinh ngày nào/);
    await waitUntil(() => events.length > 0);
    expect(events).toEqual(['leads']);

    server!.pause();
    expect(await say('15/3/2004')).toBe(apology);
    expect(await say('15/3/2004')).toBe(apology);
    await waitUntil(() => events.length > 1);
    expect(events).toEqual(['leads', 'steps down']);

    server!.resume();
    // The pool reconnects by itself; the birth-date question is still the saved step.
    let answer = '';
    for (let i = 0; i < 50 && !/đủ điều kiện/.test(answer); i++) {
      answer = await say('15/3/2004');
      if (!/đủ điều kiện/.test(answer)) await sleep(100);
    }
    expect(answer).toMatch(/đủ điều kiện nhận tên miền id\.vn/);
    await waitUntil(() => leader.isLeader());
    expect(leader.isLeader()).toBe(true);
    await leader.stop();
    expect(await the.store.records.countChecks()).toEqual([]); // no consent yet: nothing recorded twice or half
  }, 60_000);
});
