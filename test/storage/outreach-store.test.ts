/**
 * Registrations, follow-ups and news through commitTurn: the SQLite store and
 * the memory fake count "registered" alike; the SQLite FollowupStore builds
 * news audiences, queues broadcasts and reports them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Address } from '../../src/core/message.js';
import type { OutreachWrite } from '../../src/core/outreach.js';
import type { RecordStore, Write } from '../../src/core/ports.js';
import { openStore, type Store } from '../../src/storage/index.js';
import { createMemoryStore } from '../fakes/memory-store.js';

const NOW = new Date('2026-11-23T02:00:00.000Z');
const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

const registration = (over: Partial<Extract<OutreachWrite, { type: 'registration' }>> = {}): Write => ({
  type: 'registration', track: 'id.vn', domain: 'hoten.id.vn', referrer: 'DTN_07', locality: 'Kiến An', anonymous: false, ...over,
});

async function story(records: RecordStore): Promise<void> {
  await records.commitTurn('zalo:1', null, [registration()], NOW);
  await records.commitTurn('zalo:2', null, [registration({ anonymous: true })], later(1));
  await records.commitTurn('telegram:3', null, [registration({ track: 'biz.vn', domain: 'shop.biz.vn', referrer: null })], later(2));
  await records.commitTurn('zalo:1', null, [{ type: 'forget' }], later(3));
}

let store: Store<unknown> | undefined;
afterEach(() => store?.close());

describe('countRegistrations', () => {
  it('SQLite and the memory fake count the same story per track, referrer and locality', async () => {
    store = openStore(':memory:');
    const memory = createMemoryStore<unknown>();
    await story(store.records);
    await story(memory.records);
    const expected = [
      { track: 'biz.vn', referrer: null, locality: 'Kiến An', count: 1 },
      { track: 'id.vn', referrer: 'DTN_07', locality: 'Kiến An', count: 2 },
    ];
    expect(await store.records.countRegistrations()).toEqual(expected);
    expect(await memory.records.countRegistrations()).toEqual(expected);
    const window = { from: later(1).toISOString(), to: later(2).toISOString(), channel: 'zalo' as const };
    expect(await store.records.countRegistrations(window)).toEqual([{ track: 'id.vn', referrer: 'DTN_07', locality: 'Kiến An', count: 1 }]);
    expect(await memory.records.countRegistrations(window)).toEqual(await store.records.countRegistrations(window));
    // Forgotten and anonymous rows keep neither address nor domain.
    expect(store.db.prepare('SELECT address, domain FROM registrations ORDER BY id').all()).toEqual([
      { address: null, domain: null },
      { address: null, domain: null },
      { address: 'telegram:3', domain: 'shop.biz.vn' },
    ]);
    expect(() => store?.records.countRegistrations({ from: '2026-11-23' })).toThrow(/full ISO UTC timestamp/);
  });
});

describe('SQLite FollowupStore', () => {
  async function person(s: Store<unknown>, address: Address, track: 'id.vn' | 'biz.vn', locality: string | null, news: boolean): Promise<void> {
    const writes: Write[] = [
      { type: 'person', patch: { consent: 'granted', consentAt: NOW.toISOString(), locality } },
      { type: 'check', track, outcome: 'eligible', reason: track === 'id.vn' ? 'idvn_age_in_range' : 'bizvn_household_certified', referrer: null, locality, anonymous: false },
    ];
    if (news) writes.push({ type: 'news', optIn: true });
    await s.records.commitTurn(address, null, writes, NOW);
  }

  it('news audiences: only opted-in people with consent, filtered by track and locality (diacritics-blind)', async () => {
    store = openStore(':memory:');
    await person(store, 'zalo:1', 'id.vn', 'Kiến An', true);
    await person(store, 'zalo:2', 'biz.vn', 'Kiến An', true);
    await person(store, 'telegram:3', 'id.vn', 'Phù Liễn', true);
    await person(store, 'telegram:4', 'id.vn', 'Kiến An', false);
    const f = store.followups;
    expect(await f.countAudience({})).toBe(3);
    expect(await f.countAudience({ track: 'id.vn' })).toBe(2);
    expect(await f.countAudience({ locality: 'kien an' })).toBe(2);
    expect(await f.countAudience({ track: 'biz.vn', locality: 'KIẾN AN' })).toBe(1);

    const queued = await f.enqueueBroadcast({ text: 'Ngày hội tên miền 1/12', filter: { track: 'id.vn' }, createdBy: 'telegram:9', now: NOW });
    expect(queued).toMatchObject({ recipients: 2, delivered: 0, failed: 0, pending: 2 });
    const due = await f.due(NOW, 10);
    expect(due.map((d) => [d.address, d.kind, d.text])).toEqual([
      ['telegram:3', 'broadcast', 'Ngày hội tên miền 1/12'],
      ['zalo:1', 'broadcast', 'Ngày hội tên miền 1/12'],
    ]);
    await f.markSent(due[0]?.id ?? 0, NOW);
    await f.markFailed(due[1]?.id ?? 0, NOW, 'Zalo is not connected');
    expect(await f.lastBroadcast()).toMatchObject({ id: queued.id, recipients: 2, delivered: 1, failed: 1, pending: 0 });
  });

  it('a new yes replaces pending reminders; /stop cancels queued broadcasts too', async () => {
    store = openStore(':memory:');
    await person(store, 'zalo:1', 'id.vn', null, true);
    const schedule: Write = { type: 'followups', schedule: [{ kind: 'remind', dueAt: later(7).toISOString(), track: 'id.vn', deadline: null }] };
    await store.records.commitTurn('zalo:1', null, [schedule], NOW);
    await store.records.commitTurn('zalo:1', null, [schedule], later(1));
    expect((await store.followups.summaryOf('zalo:1')).pending).toHaveLength(1);
    await store.followups.enqueueBroadcast({ text: 'x', filter: {}, createdBy: null, now: NOW });
    await store.records.commitTurn('zalo:1', null, [{ type: 'followups_cancel', scope: 'all' }, { type: 'news', optIn: false }], later(2));
    expect(await store.followups.due(later(30), 10)).toEqual([]);
    expect(await store.followups.summaryOf('zalo:1')).toEqual({ pending: [], news: false, registrations: [] });
  });
});

describe('the quarterly report reads "registered" from the registrations table', () => {
  it('createSqliteReportQueries().registered counts per track in the period', async () => {
    const { createSqliteReportQueries } = await import('../../src/storage/sqlite-report-queries.js');
    store = openStore(':memory:');
    await story(store.records);
    const queries = createSqliteReportQueries(store.db);
    expect(await queries.registered?.({ from: NOW.toISOString(), to: later(10).toISOString() })).toEqual([
      { track: 'biz.vn', count: 1 },
      { track: 'id.vn', count: 2 },
    ]);
    expect(await queries.registered?.({ from: later(2).toISOString(), to: later(10).toISOString() })).toEqual([{ track: 'biz.vn', count: 1 }]);
  });
});
