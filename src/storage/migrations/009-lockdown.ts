import type { Migration } from './index.js';

/**
 * Issue #18: deleted means deleted, revoked means revoked.
 *
 * - `referrers.ended_at`: a referral code an admin ended (/referrer remove,
 *   cli referrer remove, or /staff remove of its owner). An ended code keeps
 *   its label for past reports but credits no new check, and no longer
 *   belongs to anyone (`address` is cleared).
 * - `deletion_ledger`: one row per person who deleted their data — a salted
 *   hash of the address (HMAC-SHA256 with `ledger_salt.salt`) and the date,
 *   never the address. `restore` re-applies it to an older backup, so a
 *   deleted person never comes back (src/storage/deletion-ledger.ts).
 * - `ledger_salt`: the salt, made once at the first deletion (random, in
 *   letters only, like the hashes: no digit run a privacy audit could take
 *   for a phone number); it travels with backups.
 */
export const lockdownMigration: Migration = {
  version: 9,
  name: 'lockdown',
  sql: `
ALTER TABLE referrers ADD COLUMN ended_at TEXT;

CREATE TABLE deletion_ledger (
  hash        TEXT PRIMARY KEY NOT NULL CHECK (length(hash) = 64),
  deleted_at  TEXT NOT NULL
) STRICT;

CREATE TABLE ledger_salt (
  id          INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
  salt        TEXT NOT NULL CHECK (length(salt) >= 32)
) STRICT;
`,
};
