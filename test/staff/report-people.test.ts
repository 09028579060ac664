/**
 * Issue #18, item 8: reports and referrer credit count people. Repeating
 * "em 20 tuổi" ten times used to add ten eligible checks to the report and to
 * the referrer's /mystats. Now a person's repeated check (same track and
 * outcome in the period) counts once; every check is still stored and listed.
 * The same on PostgreSQL (the report parity suite compares both stores).
 */
import { describe, expect, it } from 'vitest';
import type { Address } from '../../src/core/message.js';
import { createTestApp } from '../support/app.js';
import { conversation } from '../support/conversation.js';

const ADMIN: Address = 'telegram:1001';
const QUARTER = { from: '2026-09-30T17:00:00.000Z', to: '2026-12-31T16:59:59.999Z' };

describe('reports count people, not repetitions (issue #18)', () => {
  it('ten "em 20 tuổi" from one consenting person: one eligible check in the report and in the credit', async () => {
    const app = createTestApp({ admins: [ADMIN] });
    const added = await app.replies({ from: ADMIN, text: '/referrer add Chi đoàn THPT Kiến An' });
    const code = /: ([A-Z2-9]{8})$/.exec(added[0]?.text ?? '')?.[1] ?? '';
    const person = conversation({ app, user: 'lap-lai' });
    await person.user(`/start ${code}`);
    await person.user('em 20 tuổi');
    await person.choose('Đồng ý lưu');
    for (let i = 0; i < 9; i++) {
      app.clock.set(new Date(app.clock.now().getTime() + 60_000).toISOString());
      await person.user('em 20 tuổi');
    }
    const other = conversation({ app, user: 'ban-khac' });
    await other.user(`/start ${code}`);
    await other.user('em 20 tuổi');
    await other.choose('Đồng ý lưu');
    await other.user('em 30 tuổi'); // another outcome counts on its own

    // Every check is kept and can be shown; the counts are per person.
    expect((await app.store.records.listChecks()).filter((c) => c.address === person.address)).toHaveLength(10);
    const stats = await app.store.reports.stats(QUARTER);
    expect(stats.byTrack).toEqual(expect.arrayContaining([expect.objectContaining({ track: 'id.vn', outcome: 'eligible', count: 2 })]));
    expect(stats.byReferrer.filter((r) => r.key === code && r.outcome === 'eligible')).toEqual([expect.objectContaining({ count: 2 })]);
    expect(await app.store.reports.referrerTotals(code)).toEqual({ checks: 3, eligible: 2, people: 2 });
    app.close();
  });
});
