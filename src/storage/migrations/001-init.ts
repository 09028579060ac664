import type { Migration } from './index.js';

/**
 * The first schema. Minimisation (RULES.md "Personal data"): there is no
 * column for birth dates, ID numbers, phone numbers or message text, and
 * a test keeps it that way.
 *
 * `checks.address` has no foreign key: forgetting a person sets it to NULL
 * so their checks stay as anonymous counts. `reason` is only shape-checked,
 * so adding a reason code in core needs no table rebuild.
 *
 * Indexes serve the reports: counts per track/outcome over a period are
 * answered from `checks_track_outcome_created_at` alone; reach per referrer
 * or locality over a period from `(referrer|locality, created_at)`; exports
 * by time from `created_at`; a person's checks (my-data, forget) from the
 * partial `address` index, which anonymous checks never touch. Each index
 * costs a page write per recorded check, so add one only with its query.
 */
export const initMigration: Migration = {
  version: 1,
  name: 'init',
  sql: `
CREATE TABLE people (
  address     TEXT PRIMARY KEY NOT NULL,
  locale      TEXT NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi', 'en')),
  consent     TEXT CHECK (consent IN ('granted', 'declined')),
  consent_at  TEXT,
  referrer    TEXT,
  locality    TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE checks (
  id          INTEGER PRIMARY KEY,
  address     TEXT,
  channel     TEXT NOT NULL CHECK (channel IN ('telegram', 'zalo', 'console')),
  track       TEXT NOT NULL CHECK (track IN ('id.vn', 'biz.vn')),
  outcome     TEXT NOT NULL CHECK (outcome IN ('eligible', 'not_eligible', 'undetermined')),
  reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 64 AND reason NOT GLOB '*[^a-z0-9_]*'),
  referrer    TEXT,
  locality    TEXT,
  created_at  TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z')
) STRICT;

CREATE INDEX checks_created_at ON checks (created_at);
CREATE INDEX checks_track_outcome_created_at ON checks (track, outcome, created_at);
CREATE INDEX checks_referrer_created_at ON checks (referrer, created_at);
CREATE INDEX checks_locality_created_at ON checks (locality, created_at);
CREATE INDEX checks_address ON checks (address) WHERE address IS NOT NULL;

CREATE TABLE sessions (
  address     TEXT PRIMARY KEY NOT NULL,
  state       TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
`,
};
