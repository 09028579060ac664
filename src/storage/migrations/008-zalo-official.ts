import type { Migration } from './index.js';

/** The channel names a check or registration may carry (src/core/message.ts CHANNELS). */
export const CHANNEL_CHECK = `channel IN ('telegram', 'zalo', 'console', 'zalo-bot', 'zalo-oa')`;

/**
 * Issue #19: the official Zalo channels.
 *
 * - `checks.channel`, `registrations.channel` and `renewals.channel` accept
 *   `zalo-bot` and `zalo-oa`. SQLite cannot change a CHECK, so the three
 *   tables are rebuilt with the same columns (same order), rows and indexes.
 * - `zalo_oa_tokens`: the OA's access and refresh tokens (one row). The
 *   refresh token is single use and replaced at every refresh, so the new
 *   pair is written in one statement.
 * - `zalo_oa_contacts`: when each OA follower last wrote (Zalo lets an OA
 *   message a person freely for 48 h after that, never after 7 days). Only
 *   the address and one timestamp; rows older than 7 days are deleted.
 */
export const zaloOfficialMigration: Migration = {
  version: 8,
  name: 'zalo-official',
  sql: `
CREATE TABLE checks_new (
  id          INTEGER PRIMARY KEY,
  address     TEXT,
  channel     TEXT NOT NULL CHECK (${CHANNEL_CHECK}),
  track       TEXT NOT NULL CHECK (track IN ('id.vn', 'biz.vn')),
  outcome     TEXT NOT NULL CHECK (outcome IN ('eligible', 'not_eligible', 'undetermined')),
  reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 64 AND reason NOT GLOB '*[^a-z0-9_]*'),
  referrer    TEXT,
  locality    TEXT,
  created_at  TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
  assisted    INTEGER NOT NULL DEFAULT 0 CHECK (assisted IN (0, 1) AND (assisted = 0 OR address IS NULL)),
  helper      TEXT CHECK (helper IS NULL OR (assisted = 1 AND address IS NULL))
) STRICT;
INSERT INTO checks_new (id, address, channel, track, outcome, reason, referrer, locality, created_at, assisted, helper)
  SELECT id, address, channel, track, outcome, reason, referrer, locality, created_at, assisted, helper FROM checks;
DROP TABLE checks;
ALTER TABLE checks_new RENAME TO checks;
CREATE INDEX checks_created_at ON checks (created_at);
CREATE INDEX checks_track_outcome_created_at ON checks (track, outcome, created_at);
CREATE INDEX checks_referrer_created_at ON checks (referrer, created_at);
CREATE INDEX checks_locality_created_at ON checks (locality, created_at);
CREATE INDEX checks_address ON checks (address) WHERE address IS NOT NULL;
CREATE INDEX checks_assisted_created_at ON checks (created_at) WHERE assisted = 1;

CREATE TABLE registrations_new (
  id          INTEGER PRIMARY KEY,
  address     TEXT,
  channel     TEXT NOT NULL CHECK (${CHANNEL_CHECK}),
  track       TEXT NOT NULL CHECK (track IN ('id.vn', 'biz.vn')),
  domain      TEXT CHECK (domain IS NULL OR (address IS NOT NULL AND length(domain) <= 80)),
  referrer    TEXT,
  locality    TEXT,
  source      TEXT NOT NULL CHECK (source IN ('person', 'staff')),
  created_at  TEXT NOT NULL,
  free_until  TEXT CHECK (free_until IS NULL OR free_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT;
INSERT INTO registrations_new (id, address, channel, track, domain, referrer, locality, source, created_at, free_until)
  SELECT id, address, channel, track, domain, referrer, locality, source, created_at, free_until FROM registrations;
DROP TABLE registrations;
ALTER TABLE registrations_new RENAME TO registrations;
CREATE INDEX registrations_track_created_at ON registrations (track, created_at);
CREATE INDEX registrations_address ON registrations (address) WHERE address IS NOT NULL;
CREATE INDEX registrations_free_until ON registrations (free_until) WHERE free_until IS NOT NULL;

CREATE TABLE renewals_new (
  id          INTEGER PRIMARY KEY,
  address     TEXT,
  channel     TEXT NOT NULL CHECK (${CHANNEL_CHECK}),
  track       TEXT NOT NULL CHECK (track IN ('id.vn', 'biz.vn')),
  locality    TEXT,
  created_at  TEXT NOT NULL
) STRICT;
INSERT INTO renewals_new (id, address, channel, track, locality, created_at)
  SELECT id, address, channel, track, locality, created_at FROM renewals;
DROP TABLE renewals;
ALTER TABLE renewals_new RENAME TO renewals;
CREATE INDEX renewals_created_at ON renewals (created_at);
CREATE INDEX renewals_address ON renewals (address) WHERE address IS NOT NULL;

CREATE TABLE zalo_oa_tokens (
  id                  INTEGER PRIMARY KEY CHECK (id = 1),
  access_token        TEXT NOT NULL,
  refresh_token       TEXT NOT NULL,
  expires_at          TEXT NOT NULL,
  refresh_expires_at  TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;

CREATE TABLE zalo_oa_contacts (
  address          TEXT PRIMARY KEY NOT NULL,
  last_inbound_at  TEXT NOT NULL
) STRICT;
CREATE INDEX zalo_oa_contacts_last_inbound_at ON zalo_oa_contacts (last_inbound_at);
`,
};
