import type { Migration } from './index.js';
import { CHANNEL_CHECK } from './008-zalo-official.js';

/**
 * Issue #16: everything a turn does is committed together, messages to other
 * chats included. A message a turn sends elsewhere (a question forwarded to
 * the staff chat, a staff answer relayed to the person) is written to
 * `outbox` in the turn's transaction and sent right after the commit; the
 * row is then deleted, sent or not (its text is not kept).
 *
 * - `hold_until`: the turn that wrote the row sends it; the outbox job takes
 *   it only after this time (a row left by a crash between commit and send).
 * - `handoff_id`, `purpose`: the handoff a row forwards ('question': a final
 *   failure marks the handoff failed) or answers ('answer': delivery marks it
 *   answered).
 *
 * PostgreSQL has had the table since its step 6 (what replicas share); here
 * it is new, with the same columns in the same order.
 */
export const turnOutboxMigration: Migration = {
  version: 10,
  name: 'turn-outbox',
  sql: `
CREATE TABLE outbox (
  id          INTEGER PRIMARY KEY,
  channel     TEXT NOT NULL CHECK (${CHANNEL_CHECK}),
  address     TEXT NOT NULL,
  messages    TEXT NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  failed_at   TEXT,
  error       TEXT,
  hold_until  TEXT,
  handoff_id  INTEGER,
  purpose     TEXT CHECK (purpose IN ('question', 'answer'))
) STRICT;
CREATE INDEX outbox_pending ON outbox (channel, id) WHERE failed_at IS NULL;
`,
};
