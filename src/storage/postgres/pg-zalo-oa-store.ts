/** ZaloOaStore over PostgreSQL (schema step 7), as sqlite-zalo-oa-store.ts. */
import { OA_MAX_WINDOW_MS, type ZaloOaStore } from '../../core/zalo-oa.js';
import { toOaTokens } from '../sqlite-zalo-oa-store.js';
import type { PgDatabase } from './database.js';

type TokenRow = { access_token: string; refresh_token: string; expires_at: string; refresh_expires_at: string };

export function createPgZaloOaStore(db: PgDatabase): ZaloOaStore {
  const cutoff = (at: Date): string => new Date(at.getTime() - OA_MAX_WINDOW_MS).toISOString();
  return {
    async readTokens() {
      const [row] = await db.query<TokenRow>('SELECT access_token, refresh_token, expires_at, refresh_expires_at FROM zalo_oa_tokens WHERE id = 1');
      return row === undefined ? undefined : toOaTokens(row);
    },
    async saveTokens(tokens, now) {
      await db.query(
        `INSERT INTO zalo_oa_tokens (id, access_token, refresh_token, expires_at, refresh_expires_at, updated_at) VALUES (1, $1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET access_token = excluded.access_token, refresh_token = excluded.refresh_token,
           expires_at = excluded.expires_at, refresh_expires_at = excluded.refresh_expires_at, updated_at = excluded.updated_at`,
        [tokens.accessToken, tokens.refreshToken, tokens.expiresAt, tokens.refreshExpiresAt, now.toISOString()],
      );
    },
    async touch(address, at) {
      await db.query(
        `WITH pruned AS (DELETE FROM zalo_oa_contacts WHERE last_inbound_at < $1)
         INSERT INTO zalo_oa_contacts (address, last_inbound_at) VALUES ($2, $3) ON CONFLICT (address) DO UPDATE SET last_inbound_at = excluded.last_inbound_at`,
        [cutoff(at), address, at.toISOString()],
      );
    },
    async lastInbound(address, now) {
      const [row] = await db.query<{ last_inbound_at: string }>('SELECT last_inbound_at FROM zalo_oa_contacts WHERE address = $1 AND last_inbound_at >= $2', [address, cutoff(now)]);
      return row === undefined ? undefined : new Date(row.last_inbound_at);
    },
  };
}
