/** Issue #11's storage: assisted checks, funnel upserts, feedback, handoffs; and what forget removes. */
import { describe, expect, it } from 'vitest';
import type { Address } from '../../src/core/message.js';
import type { Write } from '../../src/core/ports.js';
import { openStore } from '../../src/storage/index.js';
import { HANDOFF_DAYS } from '../../src/storage/sqlite-handoff-store.js';
import { createMemoryStore } from '../fakes/memory-store.js';

const HELPER: Address = 'zalo:helper';
const NOW = new Date('2026-11-23T02:00:00.000Z');
const assisted = (helper: Address | null): Extract<Write, { type: 'check' }> => ({
  type: 'check', track: 'id.vn', outcome: 'eligible', reason: 'idvn_age_in_range', referrer: null, locality: null, anonymous: true, assisted: true, helper,
});

describe('issue #11 storage', () => {
  it('an assisted check never has an address; the schema refuses one', async () => {
    const store = openStore(':memory:');
    await store.records.commitTurn(HELPER, null, [{ ...assisted(HELPER), anonymous: false }], NOW);
    expect(await store.records.listChecks()).toEqual([expect.objectContaining({ address: null, assisted: true, helper: HELPER })]);
    expect(() =>
      store.db.prepare("INSERT INTO checks (address, channel, track, outcome, reason, created_at, assisted) VALUES ('zalo:x', 'zalo', 'id.vn', 'eligible', 'idvn_age_in_range', ?, 1)").run(NOW.toISOString()),
    ).toThrow(/CHECK constraint failed/);
    store.close();
  });

  it('the memory fake and SQLite agree on assisted checks', async () => {
    const memory = createMemoryStore();
    const sqlite = openStore(':memory:');
    for (const s of [memory, sqlite]) await s.records.commitTurn(HELPER, null, [assisted(HELPER), assisted(null)], NOW);
    expect(await sqlite.records.listChecks()).toEqual(await memory.records.listChecks());
    sqlite.close();
  });

  it('funnel steps add up per day, step and track; feedback keeps track, 👍/👎 and category only', async () => {
    const store = openStore(':memory:');
    const step = (day: string, track: 'id.vn' | null): Write => ({ type: 'funnel', day, step: 'started', track });
    await store.records.commitTurn('zalo:a', null, [step('2026-11-23', null), step('2026-11-23', null), step('2026-11-24', null), step('2026-11-23', 'id.vn')], NOW);
    await store.records.commitTurn('zalo:b', null, [{ type: 'feedback', track: 'biz.vn', helpful: false, category: 'unclear' }], NOW);
    expect(await store.analytics.funnel()).toEqual([
      { day: '2026-11-23', step: 'started', track: null, count: 2 },
      { day: '2026-11-23', step: 'started', track: 'id.vn', count: 1 },
      { day: '2026-11-24', step: 'started', track: null, count: 1 },
    ]);
    expect(await store.analytics.feedback()).toEqual([{ track: 'biz.vn', helpful: false, category: 'unclear', count: 1 }]);
    expect(store.db.prepare<[], string>("SELECT name FROM pragma_table_info('feedback')").pluck().all()).toEqual(['id', 'track', 'helpful', 'category', 'created_at']);
    store.close();
  });

  it('forgetting a helper takes their address off credited checks and their handoffs; old handoffs are pruned', async () => {
    const store = openStore(':memory:');
    await store.records.commitTurn(HELPER, null, [assisted(HELPER)], NOW);
    const first = await store.handoffs.open(HELPER, NOW);
    expect(await store.handoffs.get(first)).toEqual({ id: first, address: HELPER, status: 'open', createdAt: NOW.toISOString() });
    await store.records.commitTurn(HELPER, null, [{ type: 'forget' }], NOW);
    expect(await store.records.listChecks()).toEqual([expect.objectContaining({ assisted: true, helper: null })]);
    expect(await store.handoffs.get(first)).toBeUndefined();

    const old = await store.handoffs.open('zalo:p', NOW);
    const later = new Date(NOW.getTime() + (HANDOFF_DAYS + 1) * 86_400_000);
    const next = await store.handoffs.open('zalo:q', later);
    expect(await store.handoffs.get(old)).toBeUndefined();
    expect(next).toBeGreaterThan(old); // a code is never reused
    store.close();
  });
});
