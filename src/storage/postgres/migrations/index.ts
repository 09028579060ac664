import type { Migration } from '../../migrations/index.js';
import { pgAssisted, pgFollowups, pgInit, pgStaff } from './001-004.js';
import { pgReplicas, pgReportIndexes } from './005-006.js';
import { pgRenewals } from './007.js';
import { pgZaloOfficial } from './008.js';
import { pgLockdown } from './009-lockdown.js';
import { pgTurnOutbox } from './010.js';

/** PostgreSQL's schema steps: 1–5 and 7–10 mirror SQLite's, 6 adds what replicas share (SQLite's 6 is empty). */
export const PG_MIGRATIONS: readonly Migration[] = [pgInit, pgStaff, pgFollowups, pgAssisted, pgReportIndexes, pgReplicas, pgRenewals, pgZaloOfficial, pgLockdown, pgTurnOutbox];
