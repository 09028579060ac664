/**
 * `zalo-oa-login`: connects the bot to a Zalo Official Account. Prints the
 * OAuth v4 permission URL (PKCE, S256), reads the code an OA admin gets back
 * (the code alone or the whole callback address) from stdin, exchanges it,
 * and stores the tokens in the database. `--refresh-token TOKEN` starts from
 * a refresh token obtained elsewhere (e.g. the API Explorer) instead.
 */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import type { ZaloOaStore } from '../../core/zalo-oa.js';
import type { Config } from '../../config.js';
import type { Translate } from '../../i18n.js';
import { DEFAULT_ZALO_OA_OAUTH_ROOT, permissionUrl, pkcePair, requestTokens, type Grant } from '../../channels/zalo-oa/oauth.js';

export type ZaloOaLoginDeps = {
  readonly config: Pick<Config, 'ZALO_OA_APP_ID' | 'ZALO_OA_APP_SECRET' | 'ZALO_OA_OAUTH_ROOT'>;
  readonly store: Pick<ZaloOaStore, 'saveTokens'>;
  readonly out: (line: string) => void;
  readonly readLine: () => Promise<string | undefined>;
  readonly t: Translate;
  readonly now: () => Date;
};

/** "abc", " abc ", "https://x/cb?code=abc&oa_id=1" or "code=abc&state=…" → "abc". */
export function codeFrom(line: string): string {
  const text = line.trim();
  const match = /(?:^|[?&#\s])code=([^&#\s]+)/.exec(text);
  return match?.[1] ? decodeURIComponent(match[1]) : text;
}

export async function runZaloOaLogin(args: readonly string[], deps: ZaloOaLoginDeps): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { 'refresh-token': { type: 'string' }, 'redirect-uri': { type: 'string' } } });
  const { ZALO_OA_APP_ID: appId, ZALO_OA_APP_SECRET: appSecret } = deps.config;
  const t = (key: string, params?: Record<string, string>): string => deps.t('vi', `zalo_official.login.${key}`, params);
  if (!appId || !appSecret) {
    deps.out(t('not_configured'));
    return 1;
  }
  const app = { oauthRoot: deps.config.ZALO_OA_OAUTH_ROOT ?? DEFAULT_ZALO_OA_OAUTH_ROOT, appId, appSecret };
  let grant: Grant;
  const refreshToken = values['refresh-token']?.trim();
  if (refreshToken) grant = { type: 'refresh_token', refreshToken };
  else {
    const { verifier, challenge } = pkcePair();
    deps.out(t('open_url'));
    deps.out(permissionUrl(app, challenge, randomBytes(8).toString('hex'), values['redirect-uri']));
    deps.out(t('paste_code'));
    const code = codeFrom((await deps.readLine()) ?? '');
    if (code === '') {
      deps.out(t('no_code'));
      return 1;
    }
    grant = { type: 'authorization_code', code, codeVerifier: verifier };
  }
  try {
    const tokens = await requestTokens(app, grant, deps.now);
    await deps.store.saveTokens(tokens, deps.now());
    deps.out(t('saved', { expiresAt: tokens.expiresAt }));
    return 0;
  } catch (error) {
    deps.out(t('failed', { reason: error instanceof Error ? error.message : String(error) }));
    return 1;
  }
}
