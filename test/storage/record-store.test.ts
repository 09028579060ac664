import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Address } from '../../src/core/message.js';
import type { Write } from '../../src/core/ports.js';
import { REASONS } from '../../src/core/eligibility/types.js';
import { openStore } from '../../src/storage/index.js';
import { createMemoryStore } from '../fakes/memory-store.js';
import { NOW, minutesLater, recordStoreContract, type TestState } from './record-store-contract.js';

recordStoreContract('memory fake', () => createMemoryStore<TestState>());
recordStoreContract('sqlite :memory:', () => openStore<TestState>(':memory:'));
recordStoreContract('sqlite :memory: with session cache', () => openStore<TestState>(':memory:', { cache: { ttlSeconds: 60 } }));

const addresses: Address[] = ['zalo:a', 'telegram:1', 'console:c'];
const writeArb: fc.Arbitrary<Write> = fc.oneof(
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
const turnArb = fc.record({
  address: fc.constantFrom(...addresses),
  minute: fc.integer({ min: 0, max: 30 }),
  state: fc.option(fc.record({ flow: fc.constantFrom('idvn', 'bizvn'), step: fc.nat(5) }), { nil: null }),
  writes: fc.array(writeArb, { maxLength: 4 }),
});

describe('memory fake and SQLite agree', () => {
  it('on every read after any sequence of turns', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(turnArb, { maxLength: 25 }), async (turns) => {
        const memory = createMemoryStore<TestState>();
        const sqlite = openStore<TestState>(':memory:');
        try {
          for (const turn of turns) {
            const now = minutesLater(turn.minute);
            await memory.records.commitTurn(turn.address, turn.state, turn.writes, now);
            await sqlite.records.commitTurn(turn.address, turn.state, turn.writes, now);
          }
          const query = { from: NOW.toISOString(), to: minutesLater(15).toISOString() };
          expect(sqlite.records.listChecks()).toEqual(await memory.records.listChecks());
          expect(sqlite.records.countChecks(query)).toEqual(await memory.records.countChecks(query));
          for (const address of addresses) {
            expect(sqlite.records.getPerson(address)).toEqual(await memory.records.getPerson(address));
            expect(sqlite.records.checksOf(address)).toEqual(await memory.records.checksOf(address));
            expect(sqlite.sessions.read(address)).toEqual(await memory.sessions.read(address));
          }
        } finally {
          sqlite.close();
        }
      }),
      { numRuns: 100, seed: 20261123 },
    );
  });
});
