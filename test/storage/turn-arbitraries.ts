/**
 * fast-check turns (a state and writes for commitTurn) and the check that a
 * store answers every read as the memory fake does after the same turns.
 * Used by record-store.test.ts (SQLite) and postgres-stores.test.ts
 * (PostgreSQL).
 */
import { expect } from 'vitest';
import fc from 'fast-check';
import type { Address } from '../../src/core/message.js';
import type { Write } from '../../src/core/ports.js';
import { REASONS } from '../../src/core/eligibility/types.js';
import { NOW, minutesLater, type RecordStoreFixture } from './record-store-contract.js';

export const TURN_ADDRESSES: readonly Address[] = ['zalo:a', 'telegram:1', 'console:c'];

export const writeArb: fc.Arbitrary<Write> = fc.oneof(
  fc.record({
    type: fc.constant('person' as const),
    patch: fc.record(
      {
        locale: fc.constantFrom('vi' as const, 'en' as const),
        consent: fc.constantFrom('granted' as const, 'declined' as const, null),
        referrer: fc.option(fc.constantFrom('r1', 'r2'), { nil: null }),
        locality: fc.option(fc.constantFrom('kien-an', 'lai-chau'), { nil: null }),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({
    type: fc.constant('check' as const),
    track: fc.constantFrom('id.vn' as const, 'biz.vn' as const),
    outcome: fc.constantFrom('eligible' as const, 'not_eligible' as const, 'undetermined' as const),
    reason: fc.constantFrom(...REASONS),
    referrer: fc.option(fc.constantFrom('r1', 'r2'), { nil: null }),
    locality: fc.option(fc.constantFrom('kien-an', 'lai-chau'), { nil: null }),
    anonymous: fc.boolean(),
  }),
  fc.constant({ type: 'forget' as const }),
);

export const turnArb = fc.record({
  address: fc.constantFrom(...TURN_ADDRESSES),
  minute: fc.integer({ min: 0, max: 30 }),
  state: fc.option(fc.record({ flow: fc.constantFrom('idvn', 'bizvn'), step: fc.nat(5) }), { nil: null }),
  writes: fc.array(writeArb, { maxLength: 4 }),
});

export type Turn = typeof turnArb extends fc.Arbitrary<infer T> ? T : never;

type Stores = Pick<RecordStoreFixture, 'records' | 'sessions'>;

/** Commits the turns to the memory fake and `store`, then expects the same answers from both to every read. */
export async function expectSameAsMemory(store: Stores, memory: Stores, turns: readonly Turn[]): Promise<void> {
  for (const turn of turns) {
    const now = minutesLater(turn.minute);
    await memory.records.commitTurn(turn.address, turn.state, turn.writes, now);
    await store.records.commitTurn(turn.address, turn.state, turn.writes, now);
  }
  const query = { from: NOW.toISOString(), to: minutesLater(15).toISOString() };
  expect(await store.records.listChecks()).toEqual(await memory.records.listChecks());
  expect(await store.records.countChecks(query)).toEqual(await memory.records.countChecks(query));
  for (const address of TURN_ADDRESSES) {
    expect(await store.records.getPerson(address)).toEqual(await memory.records.getPerson(address));
    expect(await store.records.checksOf(address)).toEqual(await memory.records.checksOf(address));
    expect(await store.sessions.read(address)).toEqual(await memory.sessions.read(address));
  }
}
