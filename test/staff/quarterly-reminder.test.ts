import { describe, expect, it } from 'vitest';
import type { Address, Outgoing } from '../../src/core/message.js';
import { startQuarterlyReminderJob } from '../../src/jobs/quarterly-reminder.js';
import { createTestApp } from '../support/app.js';

describe('quarterly reminder job', () => {
  it('reminds opted-in members once on 7 December (3 days before the 10th), never twice, and retries a failed send', async () => {
    const app = createTestApp({ now: '2026-12-06T09:00:00+07:00', admins: ['telegram:1'] });
    const invite = async () => /([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec((await app.replies({ from: 'telegram:1', text: '/invite' }))[0]?.text ?? '')?.[1] ?? '';
    for (const address of ['zalo:10', 'telegram:20', 'telegram:30'] as const) await app.replies({ from: address, text: `/join ${await invite()}` });
    await app.replies({ from: 'zalo:10', text: '/remind on' });
    await app.replies({ from: 'telegram:20', text: '/remind on' });
    const sent: { address: Address; messages: readonly Outgoing[] }[] = [];
    let failOnce = true;
    const job = startQuarterlyReminderJob({
      staff: app.staff.store,
      clock: app.clock,
      render: app.i18n.render,
      send: async (address, messages) => {
        if (address === 'telegram:20' && failOnce) {
          failOnce = false;
          throw new Error('network down');
        }
        sent.push({ address, messages });
      },
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
      schedule: () => () => undefined,
    });
    expect(await job.runNow()).toBe(0);
    app.clock.set('2026-12-07T07:30:00+07:00');
    expect(await job.runNow()).toBe(0);
    app.clock.set('2026-12-07T08:00:00+07:00');
    expect(await job.runNow()).toBe(1);
    expect(await job.runNow()).toBe(1);
    expect(await job.runNow()).toBe(0);
    expect(sent.map((s) => s.address)).toEqual(['zalo:10', 'telegram:20']);
    expect(sent[0]?.messages[0]?.text).toMatch(/báo cáo quý 2026-Q4.*trước ngày 10\/12\/2026/);
    app.clock.set('2027-03-07T10:00:00+07:00');
    expect(await job.runNow()).toBe(2);
    job.stop();
    app.close();
  });
});
