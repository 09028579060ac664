/** Step 8 is SQLite's step 8 (src/storage/migrations/008-zalo-official.ts: read it for the why); PostgreSQL changes the CHECKs in place. */
import type { Migration } from '../../migrations/index.js';
import { CHANNEL_CHECK } from '../../migrations/008-zalo-official.js';

export const pgZaloOfficial: Migration = {
  version: 8,
  name: 'zalo-official',
  sql: `
ALTER TABLE checks DROP CONSTRAINT checks_channel_check, ADD CONSTRAINT checks_channel_check CHECK (${CHANNEL_CHECK});
ALTER TABLE registrations DROP CONSTRAINT registrations_channel_check, ADD CONSTRAINT registrations_channel_check CHECK (${CHANNEL_CHECK});
ALTER TABLE renewals DROP CONSTRAINT renewals_channel_check, ADD CONSTRAINT renewals_channel_check CHECK (${CHANNEL_CHECK});
ALTER TABLE outbox DROP CONSTRAINT outbox_channel_check, ADD CONSTRAINT outbox_channel_check CHECK (${CHANNEL_CHECK});

CREATE TABLE zalo_oa_tokens (
  id                  INTEGER PRIMARY KEY CHECK (id = 1),
  access_token        TEXT NOT NULL,
  refresh_token       TEXT NOT NULL,
  expires_at          TEXT NOT NULL,
  refresh_expires_at  TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);

CREATE TABLE zalo_oa_contacts (
  address          TEXT PRIMARY KEY NOT NULL,
  last_inbound_at  TEXT NOT NULL
);
CREATE INDEX zalo_oa_contacts_last_inbound_at ON zalo_oa_contacts (last_inbound_at);
`,
};
