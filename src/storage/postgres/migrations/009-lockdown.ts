/**
 * Step 9 is SQLite's step 9 (src/storage/migrations/009-lockdown.ts, read it
 * for the why): ended referral codes, the deletion ledger and its salt.
 */
import type { Migration } from '../../migrations/index.js';

export const pgLockdown: Migration = {
  version: 9,
  name: 'lockdown',
  sql: `
ALTER TABLE referrers ADD COLUMN ended_at TEXT;

CREATE TABLE deletion_ledger (
  hash        TEXT PRIMARY KEY NOT NULL CHECK (length(hash) = 64),
  deleted_at  TEXT NOT NULL
);

CREATE TABLE ledger_salt (
  id          INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
  salt        TEXT NOT NULL CHECK (length(salt) >= 32)
);
`,
};
