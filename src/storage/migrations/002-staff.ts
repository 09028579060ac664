import type { Migration } from './index.js';

/**
 * Issue #7, the staff side: team members, referrers, invites and the record
 * of role changes. Admins are not stored (they come from ADMINS).
 *
 * - `staff_members`: team members who joined with an invite; `remind` is the
 *   opt-in quarterly reminder, `reminded` the last quarter it went out
 *   ('2026-Q4'), so a restart never sends it twice.
 * - `referrers`: youth-union members or branches and their referral code.
 *   `address` is set when a member registered themselves (/referrer me), so
 *   /mylink finds their code; a branch added by an admin has none.
 * - `invites`: one-time codes, stored as a SHA-256 hash (a copy of the
 *   database never reveals a live code), single use, with an expiry.
 * - `join_failures` / `join_blocks`: brute-force guard for /join (5 wrong
 *   codes in an hour block the address for an hour). Failures older than a
 *   day are pruned on every attempt.
 * - `role_changes`: who granted or revoked which role, when.
 *
 * No column holds a birth date, an ID number or message text; `label` is the
 * name a referrer is shown under (a branch, or a member's chosen label).
 */
export const staffMigration: Migration = {
  version: 2,
  name: 'staff',
  sql: `
CREATE TABLE staff_members (
  address     TEXT PRIMARY KEY NOT NULL,
  locality    TEXT,
  locale      TEXT NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi', 'en')),
  remind      INTEGER NOT NULL DEFAULT 0 CHECK (remind IN (0, 1)),
  reminded    TEXT CHECK (reminded IS NULL OR reminded GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE referrers (
  code        TEXT PRIMARY KEY NOT NULL COLLATE NOCASE
              CHECK (length(code) BETWEEN 1 AND 64 AND code NOT GLOB '*[^A-Za-z0-9_-]*'),
  label       TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
  address     TEXT UNIQUE,
  created_by  TEXT,
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE invites (
  code_hash   TEXT PRIMARY KEY NOT NULL,
  locality    TEXT,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  used_by     TEXT,
  used_at     TEXT
) STRICT;

CREATE TABLE join_failures (
  address     TEXT NOT NULL,
  at          TEXT NOT NULL
) STRICT;
CREATE INDEX join_failures_address_at ON join_failures (address, at);

CREATE TABLE join_blocks (
  address     TEXT PRIMARY KEY NOT NULL,
  until       TEXT NOT NULL
) STRICT;

CREATE TABLE role_changes (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  subject     TEXT NOT NULL,
  change      TEXT NOT NULL CHECK (change IN ('grant', 'revoke')),
  role        TEXT NOT NULL CHECK (role IN ('team', 'referrer')),
  via         TEXT NOT NULL CHECK (via IN ('invite', 'chat', 'cli'))
) STRICT;
CREATE INDEX role_changes_subject ON role_changes (subject, at);
`,
};
