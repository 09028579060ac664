/**
 * The OA token keeper with an in-memory store and a scripted refresh: ahead
 * of expiry, one refresh for many callers, another process's refresh read
 * back instead of refreshing twice, and the health it reports.
 */
import { describe, expect, it } from 'vitest';
import type { OaTokens } from '../../../src/core/zalo-oa.js';
import { createTokenKeeper } from '../../../src/channels/zalo-oa/token-keeper.js';
import { runHere } from '../../../src/storage/coordination.js';
import { recordingLog } from '../zalo/kit.js';

const NOW = new Date('2026-11-23T02:00:00.000Z');
const at = (ms: number): string => new Date(NOW.getTime() + ms).toISOString();
const H = 3_600_000;

function setup(stored: OaTokens | undefined, options: { once?: Parameters<typeof createTokenKeeper>[0]['once'] } = {}) {
  let tokens = stored;
  const refreshed: string[] = [];
  let n = 0;
  const keeper = createTokenKeeper({
    store: { readTokens: () => tokens, saveTokens: (next) => void (tokens = next) },
    refresh: async (refreshToken) => {
      refreshed.push(refreshToken);
      n += 1;
      return { accessToken: `at-new${n}`, refreshToken: `rt-new${n}`, expiresAt: at(25 * H), refreshExpiresAt: at(2_000 * H) };
    },
    once: options.once ?? runHere,
    now: () => NOW,
    log: recordingLog(),
    sleep: async () => undefined,
  });
  return { keeper, refreshed, stored: () => tokens, replace: (next: OaTokens) => void (tokens = next) };
}

describe('Zalo OA token keeper', () => {
  it('uses a fresh token as is; refreshes one about to expire, once for many callers, and saves the new pair', async () => {
    const fresh = setup({ accessToken: 'at1', refreshToken: 'rt1', expiresAt: at(5 * H), refreshExpiresAt: at(2_000 * H) });
    expect(await fresh.keeper.accessToken()).toBe('at1');
    expect(fresh.refreshed).toEqual([]);

    const old = setup({ accessToken: 'at1', refreshToken: 'rt1', expiresAt: at(10 * 60_000), refreshExpiresAt: at(2_000 * H) });
    expect(await Promise.all([old.keeper.accessToken(), old.keeper.accessToken(), old.keeper.renew('at1')])).toEqual(['at-new1', 'at-new1', 'at-new1']);
    expect(old.refreshed).toEqual(['rt1']);
    expect(old.stored()).toMatchObject({ accessToken: 'at-new1', refreshToken: 'rt-new1' });
    expect(old.keeper.health()).toEqual({ up: true });
  });

  it('−216 when another process already refreshed: the stored token is used, no second refresh (single-use refresh tokens)', async () => {
    const s = setup({ accessToken: 'at1', refreshToken: 'rt1', expiresAt: at(5 * H), refreshExpiresAt: at(2_000 * H) });
    expect(await s.keeper.accessToken()).toBe('at1');
    s.replace({ accessToken: 'at2', refreshToken: 'rt2', expiresAt: at(25 * H), refreshExpiresAt: at(2_000 * H) });
    expect(await s.keeper.renew('at1')).toBe('at2');
    expect(s.refreshed).toEqual([]);
  });

  it('while another process holds the refresh, waits and reads what it saved', async () => {
    let busy = true;
    const s = setup({ accessToken: 'at1', refreshToken: 'rt1', expiresAt: at(0), refreshExpiresAt: at(2_000 * H) }, {
      once: async (_name, fn) => {
        if (!busy) return { ran: true, value: await fn() };
        busy = false;
        s.replace({ accessToken: 'at-other', refreshToken: 'rt-other', expiresAt: at(25 * H), refreshExpiresAt: at(2_000 * H) });
        return { ran: false };
      },
    });
    expect(await s.keeper.accessToken()).toBe('at-other');
    expect(s.refreshed).toEqual([]);
  });

  it('health: not_logged_in without tokens; token_expiring (still up) when the refresh token ends within 14 days', async () => {
    const none = setup(undefined);
    await expect(none.keeper.accessToken()).rejects.toThrow(/zalo-oa-login/);
    expect(none.keeper.health()).toEqual({ up: false, problem: 'not_logged_in' });
    const ending = setup({ accessToken: 'at1', refreshToken: 'rt1', expiresAt: at(5 * H), refreshExpiresAt: at(24 * 10 * H) });
    await ending.keeper.accessToken();
    expect(ending.keeper.health()).toEqual({ up: true, problem: 'token_expiring' });
  });
});
