import type { Migration } from '../../migrations/index.js';
import { pgAssisted, pgFollowups, pgInit, pgStaff } from './001-004.js';
import { pgReplicas, pgReportIndexes } from './005-006.js';
import { pgRenewals } from './007.js';
import { pgZaloOfficial } from './008.js';

/** PostgreSQL's schema steps: 1–5, 7 and 8 mirror SQLite's, 6 adds what replicas share (SQLite's 6 is empty). */
export const PG_MIGRATIONS: readonly Migration[] = [pgInit, pgStaff, pgFollowups, pgAssisted, pgReportIndexes, pgReplicas, pgRenewals, pgZaloOfficial];
