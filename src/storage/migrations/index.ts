/**
 * Schema steps, applied in order by `migrate` (../migrate.ts). Append a new
 * file `NNN-name.ts` and add it here; never edit a step that has shipped.
 */
import { initMigration } from './001-init.js';
import { staffMigration } from './002-staff.js';
import { followupsMigration } from './003-followups.js';
import { assistedMigration } from './004-assisted.js';
import { reportIndexesMigration } from './005-report-indexes.js';
import { replicasMigration } from './006-replicas.js';
import { renewalsMigration } from './007-renewals.js';
import { zaloOfficialMigration } from './008-zalo-official.js';
import { lockdownMigration } from './009-lockdown.js';
import { turnOutboxMigration } from './010-turn-outbox.js';

export type Migration = {
  /** 1, 2, 3…: becomes `PRAGMA user_version` once applied. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
};

export const MIGRATIONS: readonly Migration[] = [initMigration, staffMigration, followupsMigration, assistedMigration, reportIndexesMigration, replicasMigration, renewalsMigration,
  zaloOfficialMigration, lockdownMigration, turnOutboxMigration];

export const LATEST_SCHEMA = MIGRATIONS.length;
