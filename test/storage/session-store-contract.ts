/**
 * The SessionStore contract: memory fake, SQLite and the node-cache wrapper
 * must behave the same from the outside.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Address } from '../../src/core/message.js';
import type { SessionStore } from '../../src/core/ports.js';

export type ContractState = {
  flow: string;
  step: number;
  offered?: { id: string; label: string }[];
  answers?: Record<string, string | number | null>;
};
export type SessionStoreFixture = {
  sessions: SessionStore<ContractState>;
  /** May return a promise (awaited) or anything else (ignored), e.g. better-sqlite3's `db.close()`. */
  close?(): unknown;
};

const LAN: Address = 'zalo:lan';
const MINH: Address = 'telegram:42';

export function sessionStoreContract(name: string, make: () => SessionStoreFixture | Promise<SessionStoreFixture>): void {
  describe(`SessionStore contract: ${name}`, () => {
    let store: SessionStoreFixture;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await store.close?.();
    });

    it('a missing session reads as undefined', async () => {
      expect(await store.sessions.read(LAN)).toBeUndefined();
    });

    it('a written state reads back equal, Vietnamese text and nesting included', async () => {
      const state: ContractState = {
        flow: 'idvn',
        step: 2,
        offered: [{ id: 'dk', label: 'Đăng ký ở đâu?' }],
        answers: { track: 'id.vn', age: 22, referrer: null },
      };
      await store.sessions.write(LAN, state);
      expect(await store.sessions.read(LAN)).toEqual(state);
    });

    it('a second write replaces the first; addresses do not share state', async () => {
      await store.sessions.write(LAN, { flow: 'idvn', step: 1 });
      await store.sessions.write(MINH, { flow: 'bizvn', step: 1 });
      await store.sessions.write(LAN, { flow: 'idvn', step: 3 });
      expect(await store.sessions.read(LAN)).toEqual({ flow: 'idvn', step: 3 });
      expect(await store.sessions.read(MINH)).toEqual({ flow: 'bizvn', step: 1 });
    });

    it('delete removes one session and deleting a missing one is fine', async () => {
      await store.sessions.write(LAN, { flow: 'idvn', step: 1 });
      await store.sessions.write(MINH, { flow: 'bizvn', step: 1 });
      await store.sessions.delete(LAN);
      await store.sessions.delete('console:nobody');
      expect(await store.sessions.read(LAN)).toBeUndefined();
      expect(await store.sessions.read(MINH)).toEqual({ flow: 'bizvn', step: 1 });
    });

    it('a state that is not JSON is refused and the previous state stays', async () => {
      await store.sessions.write(LAN, { flow: 'idvn', step: 1 });
      const bad = { flow: 'idvn', step: 2, at: 2n } as unknown as ContractState;
      await expect(async () => store.sessions.write(LAN, bad)).rejects.toThrow(/not JSON-serialisable/);
      expect(await store.sessions.read(LAN)).toEqual({ flow: 'idvn', step: 1 });
    });
  });
}
