import type { Migration } from './index.js';

/**
 * Issue #11: assisted mode, handoff to a person, feedback and the funnel.
 *
 * - `checks.assisted`: 1 for a check a helper entered for someone present.
 *   Such a check never has an address (the person gets no row anywhere).
 *   `checks.helper`: the helper credited when the person consented and the
 *   helper has no referral code (otherwise the code is in `referrer`).
 * - `handoffs`: questions forwarded to the staff chat — who asked (to relay
 *   the answer), when, and where it stands. Never the question or the answer.
 *   AUTOINCREMENT: a reply code (#H12) is never given to a second person,
 *   even after old rows are deleted.
 * - `feedback`: 👍/👎 after a result, per track, with a category at most;
 *   never the words of a comment, never an address.
 * - `funnel`: anonymous counts per Vietnam day, step and track ('' = none
 *   yet); each reached step adds 1 (upsert).
 */
export const assistedMigration: Migration = {
  version: 4,
  name: 'assisted',
  sql: `
ALTER TABLE checks ADD COLUMN assisted INTEGER NOT NULL DEFAULT 0 CHECK (assisted IN (0, 1) AND (assisted = 0 OR address IS NULL));
ALTER TABLE checks ADD COLUMN helper TEXT CHECK (helper IS NULL OR (assisted = 1 AND address IS NULL));

CREATE TABLE handoffs (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  address     TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'failed')),
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX handoffs_address ON handoffs (address);

CREATE TABLE feedback (
  id          INTEGER PRIMARY KEY,
  track       TEXT NOT NULL CHECK (track IN ('id.vn', 'biz.vn')),
  helpful     INTEGER NOT NULL CHECK (helpful IN (0, 1)),
  category    TEXT CHECK (category IN ('unclear', 'missing_info', 'not_my_case', 'other')),
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX feedback_created_at ON feedback (created_at);

CREATE TABLE funnel (
  day         TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  step        TEXT NOT NULL CHECK (step IN ('started', 'track_chosen', 'question_answered', 'result_shown', 'next_steps_opened', 'registration_reported')),
  track       TEXT NOT NULL CHECK (track IN ('', 'id.vn', 'biz.vn')),
  count       INTEGER NOT NULL CHECK (count >= 0),
  PRIMARY KEY (day, step, track)
) STRICT, WITHOUT ROWID;
`,
};
