import { describe, it } from 'vitest';
import fc from 'fast-check';
import { openStore } from '../../src/storage/index.js';
import { createMemoryStore } from '../fakes/memory-store.js';
import { recordStoreContract, type TestState } from './record-store-contract.js';
import { expectSameAsMemory, turnArb } from './turn-arbitraries.js';

recordStoreContract('memory fake', () => createMemoryStore<TestState>());
recordStoreContract('sqlite :memory:', () => openStore<TestState>(':memory:'));
recordStoreContract('sqlite :memory: with session cache', () => openStore<TestState>(':memory:', { cache: { ttlSeconds: 60 } }));

describe('memory fake and SQLite agree', () => {
  it('on every read after any sequence of turns', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(turnArb, { maxLength: 25 }), async (turns) => {
        const memory = createMemoryStore<TestState>();
        const sqlite = openStore<TestState>(':memory:');
        try {
          await expectSameAsMemory(sqlite, memory, turns);
        } finally {
          sqlite.close();
        }
      }),
      { numRuns: 100, seed: 20261123 },
    );
  });
});
