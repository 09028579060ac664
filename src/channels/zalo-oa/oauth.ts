/**
 * Zalo OA OAuth v4 with PKCE: the permission URL an OA admin opens, and the
 * token endpoint (`POST <oauth root>/v4/oa/access_token`, header
 * `secret_key`, form `app_id`, `grant_type`, `code` + `code_verifier` or
 * `refresh_token`). Answers are read liberally: fields at the top level or
 * under `data`, `expires_in` as a number or a string.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { OaTokens } from '../../core/zalo-oa.js';

export const DEFAULT_ZALO_OA_OAUTH_ROOT = 'https://oauth.zaloapp.com';
/** Zalo documents about 25 h for an access token and three months for a refresh token. */
const DEFAULT_ACCESS_SECONDS = 25 * 3600;
const DEFAULT_REFRESH_SECONDS = 90 * 24 * 3600;

export class OaAuthError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'OaAuthError';
    this.code = code;
  }
}

export type OaApp = { readonly oauthRoot: string; readonly appId: string; readonly appSecret: string };

export type Grant =
  | { readonly type: 'authorization_code'; readonly code: string; readonly codeVerifier: string }
  | { readonly type: 'refresh_token'; readonly refreshToken: string };

const base64url = (bytes: Buffer): string => bytes.toString('base64url');

/** A PKCE verifier (43 characters) and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = base64url(randomBytes(32));
  return { verifier, challenge: base64url(createHash('sha256').update(verifier).digest()) };
}

export function permissionUrl(app: Pick<OaApp, 'oauthRoot' | 'appId'>, challenge: string, state: string, redirectUri?: string): string {
  const url = new URL('/v4/oa/permission', app.oauthRoot);
  url.searchParams.set('app_id', app.appId);
  if (redirectUri) url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('code_challenge', challenge);
  url.searchParams.set('state', state);
  return url.toString();
}

const seconds = (value: unknown, fallback: number): number => {
  const n = typeof value === 'string' ? Number(value.trim()) : typeof value === 'number' ? value : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/** A token answer → tokens; throws OaAuthError when it carries an error or no tokens. */
export function readTokenAnswer(answer: unknown, now: Date): OaTokens {
  const top = (typeof answer === 'object' && answer !== null ? answer : {}) as Record<string, unknown>;
  const nested = typeof top['data'] === 'object' && top['data'] !== null ? (top['data'] as Record<string, unknown>) : {};
  const field = (name: string): unknown => top[name] ?? nested[name];
  const accessToken = field('access_token');
  const refreshToken = field('refresh_token');
  if (typeof accessToken !== 'string' || accessToken === '' || typeof refreshToken !== 'string' || refreshToken === '') {
    const code = String(field('error') ?? field('error_code') ?? 'no_token');
    const why = String(field('error_description') ?? field('error_reason') ?? field('message') ?? field('error_name') ?? 'the answer has no access_token/refresh_token');
    throw new OaAuthError(code, `Zalo refused the token request (${code}): ${why}`);
  }
  const at = now.getTime();
  return {
    accessToken,
    refreshToken,
    expiresAt: new Date(at + seconds(field('expires_in'), DEFAULT_ACCESS_SECONDS) * 1000).toISOString(),
    refreshExpiresAt: new Date(at + seconds(field('refresh_token_expires_in'), DEFAULT_REFRESH_SECONDS) * 1000).toISOString(),
  };
}

export async function requestTokens(app: OaApp, grant: Grant, now: () => Date): Promise<OaTokens> {
  const form = new URLSearchParams({ app_id: app.appId, grant_type: grant.type });
  if (grant.type === 'authorization_code') {
    form.set('code', grant.code);
    form.set('code_verifier', grant.codeVerifier);
  } else form.set('refresh_token', grant.refreshToken);
  let response: Response;
  try {
    response = await fetch(new URL('/v4/oa/access_token', app.oauthRoot), {
      method: 'POST',
      headers: { secret_key: app.appSecret, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      signal: AbortSignal.timeout(20_000),
    });
  } catch (error) {
    throw new OaAuthError('network', `Could not reach ${app.oauthRoot}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const raw = await response.text();
  let answer: unknown;
  try {
    answer = JSON.parse(raw);
  } catch {
    throw new OaAuthError(String(response.status), `Zalo's token endpoint answered HTTP ${response.status} without JSON.`);
  }
  return readTokenAnswer(answer, now());
}
