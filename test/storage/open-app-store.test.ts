/**
 * Which database the bot uses: SQLite unless DATABASE_URL is set (nothing
 * changes for single-process users); PostgreSQL with it; an unreachable
 * server says what to check, without the password.
 */
import { expect, it } from 'vitest';
import { describe } from 'vitest';
import { openAppStore } from '../../src/storage/open-app-store.js';
import { freePort } from '../support/postgres-server.js';
import { describePg, freshPgUrl } from '../support/postgres.js';

describe('openAppStore', () => {
  it('without DATABASE_URL: the SQLite file, as before', async () => {
    const store = await openAppStore({ DATABASE_PATH: ':memory:' });
    expect(store.kind).toBe('sqlite');
    await store.close();
  });

  it('an unreachable PostgreSQL names DATABASE_URL and the fix, and hides the password', async () => {
    const port = await freePort();
    const failure = openAppStore({ DATABASE_PATH: ':memory:', DATABASE_URL: `postgres://bot:hunter2@127.0.0.1:${port}/x` });
    await expect(failure).rejects.toThrow(/Cannot use the PostgreSQL database postgres:\/\/bot:\*\*\*@127\.0\.0\.1.*Check DATABASE_URL/);
    await expect(failure).rejects.not.toThrow(/hunter2/);
  });
});

describePg('openAppStore with DATABASE_URL', () => {
  it('PostgreSQL, migrated to the latest schema', async () => {
    const store = await openAppStore({ DATABASE_PATH: ':memory:', DATABASE_URL: await freshPgUrl() });
    expect(store.kind).toBe('postgres');
    expect(await store.records.countChecks()).toEqual([]);
    await store.close();
  });
});
