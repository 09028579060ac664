import type { Migration } from './index.js';

/**
 * Issue #9, from "eligible" to "registered".
 *
 * - `followups`: opt-in reminders and queued broadcast messages, one row per
 *   message to send. Pending = none of sent_at / failed_at / cancelled_at.
 *   `deadline` is an enterprise's last eligible day (never a birth date).
 * - `broadcasts`: one row per announcement; its messages are `followups`
 *   rows of kind 'broadcast', so delivered/failed are counted from them.
 * - `news_optins`: people who asked for program news (only with consent).
 * - `registrations`: "registered" counts. `address` and `domain` are kept
 *   only with consent; forgetting a person sets both to NULL.
 *
 * No foreign keys to `people`: forgetting deletes follow-ups and opt-ins and
 * anonymises registrations explicitly, in the same transaction.
 */
export const followupsMigration: Migration = {
  version: 3,
  name: 'followups',
  sql: `
CREATE TABLE broadcasts (
  id          INTEGER PRIMARY KEY,
  announcement TEXT NOT NULL CHECK (length(announcement) BETWEEN 1 AND 4000),
  track       TEXT CHECK (track IN ('id.vn', 'biz.vn')),
  locality    TEXT,
  created_by  TEXT,
  recipients  INTEGER NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE followups (
  id            INTEGER PRIMARY KEY,
  address       TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('remind', 'deadline', 'broadcast')),
  track         TEXT CHECK (track IN ('id.vn', 'biz.vn')),
  deadline      TEXT CHECK (deadline IS NULL OR deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  broadcast_id  INTEGER REFERENCES broadcasts (id),
  due_at        TEXT NOT NULL,
  attempts      INTEGER NOT NULL DEFAULT 0,
  sent_at       TEXT,
  failed_at     TEXT,
  cancelled_at  TEXT,
  error         TEXT,
  created_at    TEXT NOT NULL
) STRICT;

CREATE INDEX followups_pending_due ON followups (due_at)
  WHERE sent_at IS NULL AND failed_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX followups_address ON followups (address);
CREATE INDEX followups_broadcast ON followups (broadcast_id) WHERE broadcast_id IS NOT NULL;

CREATE TABLE news_optins (
  address     TEXT PRIMARY KEY NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE registrations (
  id          INTEGER PRIMARY KEY,
  address     TEXT,
  channel     TEXT NOT NULL CHECK (channel IN ('telegram', 'zalo', 'console')),
  track       TEXT NOT NULL CHECK (track IN ('id.vn', 'biz.vn')),
  domain      TEXT CHECK (domain IS NULL OR (address IS NOT NULL AND length(domain) <= 80)),
  referrer    TEXT,
  locality    TEXT,
  source      TEXT NOT NULL CHECK (source IN ('person', 'staff')),
  created_at  TEXT NOT NULL
) STRICT;

CREATE INDEX registrations_track_created_at ON registrations (track, created_at);
CREATE INDEX registrations_address ON registrations (address) WHERE address IS NOT NULL;
`,
};
