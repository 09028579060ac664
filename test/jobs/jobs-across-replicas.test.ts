/**
 * Scheduled jobs on three replicas sharing PostgreSQL: every replica's timer
 * fires, but each follow-up and each quarterly reminder goes out once.
 */
import { afterEach, expect, it } from 'vitest';
import type { Address, Outgoing } from '../../src/core/message.js';
import { createFollowupJob } from '../../src/jobs/followup-job.js';
import { startQuarterlyReminderJob } from '../../src/jobs/quarterly-reminder.js';
import { loadProgram } from '../../src/data.js';
import { createI18n } from '../../src/i18n.js';
import { openPostgresStore, type PgStore } from '../../src/storage/postgres/index.js';
import { describePg, freshPgUrl } from '../support/postgres.js';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const NOW = new Date('2026-12-07T02:00:00.000Z'); // 09:00 in Vietnam, reminder day of 2026-Q4
const clock = { now: () => NOW };
const i18n = createI18n();
let stores: PgStore<unknown>[] = [];
afterEach(async () => {
  await Promise.all(stores.map((s) => s.close()));
  stores = [];
});

async function threeReplicas(): Promise<PgStore<unknown>[]> {
  const url = await freshPgUrl();
  stores = [await openPostgresStore(url, { clock })];
  stores.push(await openPostgresStore(url, { clock }), await openPostgresStore(url, { clock }));
  return stores;
}

describePg('jobs across replicas', () => {
  it('20 due follow-ups, three replicas ticking at once, twice: each is sent exactly once', async () => {
    const replicas = await threeReplicas();
    const stamp = NOW.toISOString();
    for (let i = 0; i < 20; i++) {
      await replicas[0]!.db.query(`INSERT INTO people (address, locale, consent, consent_at, created_at, updated_at) VALUES ($1, 'vi', 'granted', $2, $2, $2)`, [`zalo:${i}`, stamp]);
      await replicas[0]!.db.query(`INSERT INTO followups (address, kind, track, due_at, created_at) VALUES ($1, 'remind', 'id.vn', $2, $2)`, [`zalo:${i}`, stamp]);
    }
    const sent: Address[] = [];
    const jobs = replicas.map((store) => {
      const job = createFollowupJob({
        store: store.followups,
        clock,
        program: loadProgram(),
        render: i18n.render,
        log: silent,
        sleep: () => new Promise((resolve) => setTimeout(resolve, 1)),
        send: async (address: Address, _messages: readonly Outgoing[]) => {
          sent.push(address);
          return { ok: true };
        },
      });
      return () => store.coordination.once('followups', () => job.runOnce());
    });
    // Whichever replicas got to run (one while the others skipped, or one after another): each
    // follow-up went out once, because a run marks it sent before the lock is released.
    await Promise.all(jobs.map((tick) => tick()));
    await Promise.all(jobs.map((tick) => tick()));
    expect(sent.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `zalo:${i}`).sort());
  });

  it('the quarterly reminder goes to each team member once though three replicas run the job', async () => {
    const replicas = await threeReplicas();
    const stamp = NOW.toISOString();
    for (const address of ['telegram:1', 'telegram:2', 'zalo:3']) {
      await replicas[0]!.db.query(`INSERT INTO staff_members (address, locale, remind, created_at) VALUES ($1, 'vi', 1, $2)`, [address, stamp]);
    }
    const sent: Address[] = [];
    const jobs = replicas.map((store) =>
      startQuarterlyReminderJob({
        staff: store.staff(),
        clock,
        render: i18n.render,
        log: silent,
        once: store.coordination.once,
        schedule: () => () => undefined,
        send: async (address) => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          sent.push(address);
        },
      }),
    );
    await Promise.all(jobs.map((job) => job.runNow()));
    await Promise.all(jobs.map((job) => job.runNow()));
    jobs.forEach((job) => job.stop());
    expect(sent.sort()).toEqual(['telegram:1', 'telegram:2', 'zalo:3']);
  });
});
