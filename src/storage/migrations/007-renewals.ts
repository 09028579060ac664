import type { Migration } from './index.js';

/**
 * Issue #22, keeping the domain after the free years.
 *
 * - `followups.kind` gains 'renewal' (a reminder before a free period ends;
 *   `deadline` holds that last free day, never a birth date) and
 *   'renewal_offer' (one message offering reminders after staff recorded a
 *   registration). SQLite cannot change a CHECK in place, so the table is
 *   rebuilt with the same columns, rows and indexes.
 * - `registrations.free_until`: the last free day of that domain
 *   (registration day + program.freeYears); rows recorded before this step
 *   get their recording day + 2 years (Vietnam time; 29 Feb → 1 Mar).
 * - `renewals`: "đã gia hạn", one row each time a person says they renewed.
 *   `address` only with consent, like registrations.
 */
export const renewalsMigration: Migration = {
  version: 7,
  name: 'renewals',
  sql: `
CREATE TABLE followups_v7 (
  id            INTEGER PRIMARY KEY,
  address       TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('remind', 'deadline', 'broadcast', 'renewal', 'renewal_offer')),
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
INSERT INTO followups_v7 (id, address, kind, track, deadline, broadcast_id, due_at, attempts, sent_at, failed_at, cancelled_at, error, created_at)
  SELECT id, address, kind, track, deadline, broadcast_id, due_at, attempts, sent_at, failed_at, cancelled_at, error, created_at FROM followups;
DROP TABLE followups;
ALTER TABLE followups_v7 RENAME TO followups;
CREATE INDEX followups_pending_due ON followups (due_at)
  WHERE sent_at IS NULL AND failed_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX followups_address ON followups (address);
CREATE INDEX followups_broadcast ON followups (broadcast_id) WHERE broadcast_id IS NOT NULL;

ALTER TABLE registrations ADD COLUMN free_until TEXT
  CHECK (free_until IS NULL OR free_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
UPDATE registrations SET free_until = date(created_at, '+7 hours', '+2 years');
CREATE INDEX registrations_free_until ON registrations (free_until) WHERE free_until IS NOT NULL;

CREATE TABLE renewals (
  id          INTEGER PRIMARY KEY,
  address     TEXT,
  channel     TEXT NOT NULL CHECK (channel IN ('telegram', 'zalo', 'console')),
  track       TEXT NOT NULL CHECK (track IN ('id.vn', 'biz.vn')),
  locality    TEXT,
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX renewals_created_at ON renewals (created_at);
CREATE INDEX renewals_address ON renewals (address) WHERE address IS NOT NULL;
`,
};
