/**
 * The RecordStore contract: every implementation (memory fake, SQLite,
 * SQLite behind the session cache) must pass the same stories.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Address } from '../../src/core/message.js';
import type { RecordStore, SessionStore, Write } from '../../src/core/ports.js';
import type { Track } from '../../src/core/eligibility/types.js';

export type TestState = { flow: string; step?: number };
export type RecordStoreFixture = {
  records: RecordStore;
  sessions: SessionStore<TestState>;
  /** May return a promise (awaited) or anything else (ignored), e.g. better-sqlite3's `db.close()`. */
  close?(): unknown;
};

export const NOW = new Date('2026-11-23T02:00:00Z');
export const minutesLater = (minutes: number): Date => new Date(NOW.getTime() + minutes * 60_000);

const LAN: Address = 'zalo:lan';
const MINH: Address = 'telegram:42';

export function checkWrite(overrides: Partial<Extract<Write, { type: 'check' }>> = {}): Write {
  return {
    type: 'check',
    track: 'id.vn',
    outcome: 'eligible',
    reason: 'idvn_age_in_range',
    referrer: 'doan-phuong-kien-an',
    locality: 'kien-an',
    anonymous: false,
    ...overrides,
  };
}

export function recordStoreContract(name: string, make: () => RecordStoreFixture | Promise<RecordStoreFixture>): void {
  describe(`RecordStore contract: ${name}`, () => {
    let store: RecordStoreFixture;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await store.close?.();
    });

    it('an unknown person reads as undefined', async () => {
      expect(await store.records.getPerson(LAN)).toBeUndefined();
    });

    it('a first person write creates the person with defaults and stamps both times', async () => {
      await store.records.commitTurn(LAN, { flow: 'consent' }, [{ type: 'person', patch: { referrer: 'r1' } }], NOW);
      expect(await store.records.getPerson(LAN)).toEqual({
        address: LAN,
        locale: 'vi',
        consent: null,
        consentAt: null,
        referrer: 'r1',
        locality: null,
        createdAt: '2026-11-23T02:00:00.000Z',
        updatedAt: '2026-11-23T02:00:00.000Z',
      });
    });

    it('a later patch changes only the given fields, keeps createdAt and can clear with null', async () => {
      const granted: Write = { type: 'person', patch: { consent: 'granted', consentAt: NOW.toISOString(), locale: 'en' } };
      await store.records.commitTurn(LAN, null, [granted], NOW);
      await store.records.commitTurn(LAN, null, [{ type: 'person', patch: { consent: null, locality: 'lai-chau' } }], minutesLater(5));
      expect(await store.records.getPerson(LAN)).toMatchObject({
        locale: 'en',
        consent: null,
        consentAt: NOW.toISOString(),
        locality: 'lai-chau',
        createdAt: NOW.toISOString(),
        updatedAt: minutesLater(5).toISOString(),
      });
    });

    it('a check takes its channel from the address and keeps referrer and locality as given', async () => {
      await store.records.commitTurn(LAN, null, [checkWrite()], NOW);
      expect(await store.records.checksOf(LAN)).toEqual([
        {
          address: LAN,
          channel: 'zalo',
          track: 'id.vn',
          outcome: 'eligible',
          reason: 'idvn_age_in_range',
          referrer: 'doan-phuong-kien-an',
          locality: 'kien-an',
          createdAt: NOW.toISOString(),
        },
      ]);
    });

    it('an anonymous check is counted but not linked to the person', async () => {
      await store.records.commitTurn(MINH, null, [checkWrite({ anonymous: true, referrer: null })], NOW);
      expect(await store.records.checksOf(MINH)).toEqual([]);
      const [check] = await store.records.listChecks();
      expect(check).toMatchObject({ address: null, channel: 'telegram', referrer: null });
      expect(await store.records.countChecks()).toEqual([{ track: 'id.vn', outcome: 'eligible', count: 1 }]);
    });

    it('commitTurn saves the session, and a null state deletes it', async () => {
      await store.records.commitTurn(LAN, { flow: 'idvn', step: 2 }, [], NOW);
      expect(await store.sessions.read(LAN)).toEqual({ flow: 'idvn', step: 2 });
      await store.records.commitTurn(LAN, null, [], minutesLater(1));
      expect(await store.sessions.read(LAN)).toBeUndefined();
    });

    it('forget deletes the person and session and leaves their checks as anonymous counts', async () => {
      await store.records.commitTurn(LAN, { flow: 'idvn' }, [{ type: 'person', patch: { consent: 'granted' } }, checkWrite()], NOW);
      await store.records.commitTurn(MINH, { flow: 'bizvn' }, [checkWrite({ track: 'biz.vn', outcome: 'not_eligible', reason: 'bizvn_enterprise_over_year' })], NOW);
      const countsBefore = await store.records.countChecks();

      await store.records.commitTurn(LAN, null, [{ type: 'forget' }], minutesLater(1));

      expect(await store.records.getPerson(LAN)).toBeUndefined();
      expect(await store.sessions.read(LAN)).toBeUndefined();
      expect(await store.records.checksOf(LAN)).toEqual([]);
      expect(await store.records.countChecks()).toEqual(countsBefore);
      const all = await store.records.listChecks();
      expect(all.map((check) => check.address)).toEqual([null, MINH]);
      expect(all[0]).toMatchObject({ channel: 'zalo', referrer: 'doan-phuong-kien-an', locality: 'kien-an' });
      expect(await store.sessions.read(MINH)).toEqual({ flow: 'bizvn' });
    });

    it('forget followed by a state starts a fresh session; writes after forget apply in order', async () => {
      await store.records.commitTurn(LAN, { flow: 'old' }, [{ type: 'person', patch: { locality: 'x' } }], NOW);
      const writes: Write[] = [{ type: 'forget' }, { type: 'person', patch: { locale: 'en' } }];
      await store.records.commitTurn(LAN, { flow: 'after-forget' }, writes, minutesLater(1));
      expect(await store.sessions.read(LAN)).toEqual({ flow: 'after-forget' });
      expect(await store.records.getPerson(LAN)).toMatchObject({
        locale: 'en',
        locality: null,
        createdAt: minutesLater(1).toISOString(),
      });
    });

    it('a failing write keeps nothing of the turn (person, checks, session)', async () => {
      await store.records.commitTurn(LAN, { flow: 'before' }, [], NOW);
      const bad = checkWrite({ track: 'com.vn' as Track });
      await expect(async () =>
        store.records.commitTurn(LAN, { flow: 'after' }, [{ type: 'person', patch: {} }, checkWrite(), bad], minutesLater(1)),
      ).rejects.toThrow();
      expect(await store.records.getPerson(LAN)).toBeUndefined();
      expect(await store.records.listChecks()).toEqual([]);
      expect(await store.sessions.read(LAN)).toEqual({ flow: 'before' });
    });

    it('a state that is not JSON refuses the whole turn with a fix', async () => {
      const state = { flow: 'x', big: 1n } as unknown as TestState;
      await expect(async () => store.records.commitTurn(LAN, state, [checkWrite()], NOW)).rejects.toThrow(
        /not JSON-serialisable.*plain objects/,
      );
      expect(await store.records.listChecks()).toEqual([]);
    });

    it('an address without a channel is refused and nothing is stored', async () => {
      const bogus = 'whatsapp:1' as Address;
      await expect(async () => store.records.commitTurn(bogus, { flow: 'x' }, [checkWrite()], NOW)).rejects.toThrow(
        /not a channel address.*formatAddress/,
      );
      expect(await store.records.listChecks()).toEqual([]);
      expect(await store.sessions.read(bogus)).toBeUndefined();
    });

    describe('queries', () => {
      beforeEach(async () => {
        // Committed out of time order on purpose: results come back by createdAt.
        await store.records.commitTurn(LAN, null, [checkWrite({ outcome: 'not_eligible', reason: 'idvn_over_23' })], minutesLater(10));
        await store.records.commitTurn(MINH, null, [checkWrite({ track: 'biz.vn', reason: 'bizvn_enterprise_within_year' })], NOW);
        await store.records.commitTurn(LAN, null, [checkWrite()], minutesLater(20));
        await store.records.commitTurn('console:tester', null, [checkWrite({ anonymous: true })], minutesLater(20));
      });

      it('listChecks returns all checks by time', async () => {
        const times = (await store.records.listChecks()).map((check) => check.createdAt);
        expect(times).toEqual([NOW, minutesLater(10), minutesLater(20), minutesLater(20)].map((d) => d.toISOString()));
      });

      it('from and to are inclusive; track and channel filter', async () => {
        const from = minutesLater(10).toISOString();
        const to = minutesLater(20).toISOString();
        expect(await store.records.listChecks({ from, to })).toHaveLength(3);
        expect(await store.records.listChecks({ from: to })).toHaveLength(2);
        expect(await store.records.listChecks({ to: NOW.toISOString() })).toHaveLength(1);
        expect(await store.records.listChecks({ track: 'biz.vn' })).toMatchObject([{ channel: 'telegram' }]);
        expect(await store.records.listChecks({ channel: 'zalo', track: 'id.vn', from })).toHaveLength(2);
      });

      it('countChecks groups by track and outcome, in a stable order', async () => {
        expect(await store.records.countChecks()).toEqual([
          { track: 'biz.vn', outcome: 'eligible', count: 1 },
          { track: 'id.vn', outcome: 'eligible', count: 2 },
          { track: 'id.vn', outcome: 'not_eligible', count: 1 },
        ]);
        expect(await store.records.countChecks({ track: 'id.vn', to: minutesLater(10).toISOString() })).toEqual([
          { track: 'id.vn', outcome: 'not_eligible', count: 1 },
        ]);
        expect(await store.records.countChecks({ channel: 'console' })).toEqual([{ track: 'id.vn', outcome: 'eligible', count: 1 }]);
      });

      it('checksOf lists only that person\'s linked checks', async () => {
        expect((await store.records.checksOf(LAN)).map((check) => check.outcome)).toEqual(['not_eligible', 'eligible']);
      });

      it('a date-only bound is refused with the fix instead of silently dropping a day', async () => {
        await expect(async () => store.records.listChecks({ to: '2026-11-23' })).rejects.toThrow(
          'CheckQuery.to must be a full ISO UTC timestamp like 2026-11-23T02:00:00.000Z (use date.toISOString()); got "2026-11-23".',
        );
        await expect(async () => store.records.countChecks({ from: '2026-11-23' })).rejects.toThrow(/CheckQuery\.from/);
      });
    });
  });
}
