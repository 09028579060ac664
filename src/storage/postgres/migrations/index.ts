import type { Migration } from '../../migrations/index.js';
import { pgAssisted, pgFollowups, pgInit, pgStaff } from './001-004.js';
import { pgReplicas, pgReportIndexes } from './005-006.js';
import { pgLockdown } from './007-lockdown.js';

/** PostgreSQL's schema steps: 1–5 mirror SQLite's, 6 adds what replicas share, 7 is SQLite's 6. */
export const PG_MIGRATIONS: readonly Migration[] = [pgInit, pgStaff, pgFollowups, pgAssisted, pgReportIndexes, pgReplicas, pgLockdown];
