/**
 * Keeps the OA's access token fresh. Tokens live in the database, so every
 * replica reads the same pair; a refresh runs in one process at a time
 * (`once`, the replicas' coordination) and writes the new pair — the refresh
 * token is single use — in one statement. Refreshed ahead of expiry, and at
 * once when Zalo answers −216 for the token just used.
 */
import type { ChannelHealth, MaybePromise } from '../../core/ports.js';
import type { Logger } from '../../core/runner.js';
import type { OaTokens, ZaloOaStore } from '../../core/zalo-oa.js';
import type { Coordination } from '../../storage/coordination.js';

export const ZALO_OA_LOGIN_FIX = 'Run "npm run cli -- zalo-oa-login" (or "zalo-oa-login --refresh-token TOKEN") and restart the bot.';

export type TokenKeeperDeps = {
  readonly store: Pick<ZaloOaStore, 'readTokens' | 'saveTokens'>;
  readonly refresh: (refreshToken: string) => Promise<OaTokens>;
  readonly once: Coordination['once'];
  readonly now: () => Date;
  readonly log: Logger;
  /** Refresh when the access token has less than this left. Default 1 hour. */
  readonly refreshAheadMs?: number;
  /** Warn ('token_expiring') when the refresh token has less than this left. Default 14 days. */
  readonly warnAheadMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
};

export type TokenKeeper = {
  /** A usable access token (refreshed first when it is about to expire); rejects when there is none. */
  accessToken(): Promise<string>;
  /** Zalo said `used` expired (−216): a newer stored token, or a refresh. */
  renew(used: string): Promise<string>;
  health(): ChannelHealth;
};

const ms = (iso: string): number => new Date(iso).getTime();

export function createTokenKeeper(deps: TokenKeeperDeps): TokenKeeper {
  const refreshAheadMs = deps.refreshAheadMs ?? 60 * 60_000;
  const warnAheadMs = deps.warnAheadMs ?? 14 * 24 * 3_600_000;
  const sleep = deps.sleep ?? ((wait: number) => new Promise<void>((resolve) => setTimeout(resolve, wait)));
  let cached: OaTokens | undefined;
  let problem: string | undefined = 'not_started';
  let running: Promise<OaTokens> | undefined;

  const read = async (): Promise<OaTokens | undefined> => {
    const tokens = await (deps.store.readTokens() as MaybePromise<OaTokens | undefined>);
    cached = tokens;
    return tokens;
  };
  const fresh = (tokens: OaTokens): boolean => ms(tokens.expiresAt) - deps.now().getTime() > refreshAheadMs;

  /** Refresh unless the stored token already differs from `stale` and is fresh (another replica did it). */
  async function refreshFrom(stale: string | undefined): Promise<OaTokens> {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const outcome = await deps.once('zalo-oa-token-refresh', async () => {
        const stored = await read();
        if (stored === undefined) throw new Error(`No Zalo OA token in the database. ${ZALO_OA_LOGIN_FIX}`);
        if (stored.accessToken !== stale && fresh(stored)) return stored;
        const next = await deps.refresh(stored.refreshToken);
        await deps.store.saveTokens(next, deps.now());
        cached = next;
        deps.log.info('zalo-oa: access token refreshed', { expiresAt: next.expiresAt });
        return next;
      });
      if (outcome.ran) return outcome.value;
      await sleep(250); // another process is refreshing: read what it saves
      const stored = await read();
      if (stored !== undefined && stored.accessToken !== stale && fresh(stored)) return stored;
    }
    throw new Error('Another bot process kept the Zalo OA token refresh busy; try again.');
  }

  async function guarded(stale: string | undefined): Promise<string> {
    running ??= refreshFrom(stale).finally(() => {
      running = undefined;
    });
    try {
      const tokens = await running;
      problem = undefined;
      return tokens.accessToken;
    } catch (error) {
      problem = cached === undefined ? 'not_logged_in' : 'token_refresh_failed';
      deps.log.error(`zalo-oa: token refresh failed. ${ZALO_OA_LOGIN_FIX}`, { error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }

  return {
    async accessToken() {
      const tokens = cached !== undefined && fresh(cached) ? cached : await read();
      if (tokens === undefined) {
        problem = 'not_logged_in';
        throw new Error(`The Zalo OA is not connected yet. ${ZALO_OA_LOGIN_FIX}`);
      }
      if (fresh(tokens)) {
        if (problem === 'not_started' || problem === 'not_logged_in') problem = undefined;
        return tokens.accessToken;
      }
      return guarded(tokens.accessToken);
    },
    renew: (used) => guarded(used),
    health() {
      if (problem !== undefined) return { up: false, problem };
      if (cached !== undefined && ms(cached.refreshExpiresAt) - deps.now().getTime() < warnAheadMs) return { up: true, problem: 'token_expiring' };
      return { up: true };
    },
  };
}
