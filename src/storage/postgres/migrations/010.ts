/** Step 10 is SQLite's step 10 (src/storage/migrations/010-turn-outbox.ts, read it for the why); the table exists here since step 6. */
import type { Migration } from '../../migrations/index.js';

export const pgTurnOutbox: Migration = {
  version: 10,
  name: 'turn-outbox',
  sql: `
ALTER TABLE outbox ADD COLUMN hold_until TEXT;
ALTER TABLE outbox ADD COLUMN handoff_id BIGINT;
ALTER TABLE outbox ADD COLUMN purpose TEXT CHECK (purpose IN ('question', 'answer'));
`,
};
