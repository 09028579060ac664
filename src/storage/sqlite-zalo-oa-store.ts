/**
 * ZaloOaStore over SQLite (migration 7): one row of OA tokens, and each
 * follower's last message time (address + timestamp only, kept 7 days).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Address } from '../core/message.js';
import { OA_MAX_WINDOW_MS, type OaTokens, type ZaloOaStore } from '../core/zalo-oa.js';

type TokenRow = { access_token: string; refresh_token: string; expires_at: string; refresh_expires_at: string };

export const toOaTokens = (row: TokenRow): OaTokens => ({
  accessToken: row.access_token,
  refreshToken: row.refresh_token,
  expiresAt: row.expires_at,
  refreshExpiresAt: row.refresh_expires_at,
});

export function createSqliteZaloOaStore(db: BetterSqlite3.Database): ZaloOaStore {
  const read = db.prepare<[], TokenRow>('SELECT access_token, refresh_token, expires_at, refresh_expires_at FROM zalo_oa_tokens WHERE id = 1');
  const save = db.prepare<[string, string, string, string, string]>(
    `INSERT INTO zalo_oa_tokens (id, access_token, refresh_token, expires_at, refresh_expires_at, updated_at) VALUES (1, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET access_token = excluded.access_token, refresh_token = excluded.refresh_token,
       expires_at = excluded.expires_at, refresh_expires_at = excluded.refresh_expires_at, updated_at = excluded.updated_at`,
  );
  const touch = db.prepare<[string, string]>(
    'INSERT INTO zalo_oa_contacts (address, last_inbound_at) VALUES (?, ?) ON CONFLICT (address) DO UPDATE SET last_inbound_at = excluded.last_inbound_at',
  );
  const prune = db.prepare<[string]>('DELETE FROM zalo_oa_contacts WHERE last_inbound_at < ?');
  const last = db.prepare<[string, string], { last_inbound_at: string }>('SELECT last_inbound_at FROM zalo_oa_contacts WHERE address = ? AND last_inbound_at >= ?');
  const cutoff = (at: Date): string => new Date(at.getTime() - OA_MAX_WINDOW_MS).toISOString();
  return {
    readTokens() {
      const row = read.get();
      return row === undefined ? undefined : toOaTokens(row);
    },
    saveTokens(tokens, now) {
      save.run(tokens.accessToken, tokens.refreshToken, tokens.expiresAt, tokens.refreshExpiresAt, now.toISOString());
    },
    touch(address: Address, at) {
      db.transaction(() => {
        prune.run(cutoff(at));
        touch.run(address, at.toISOString());
      })();
    },
    lastInbound(address, now) {
      const row = last.get(address, cutoff(now));
      return row === undefined ? undefined : new Date(row.last_inbound_at);
    },
  };
}
