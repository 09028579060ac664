import type { Migration } from './index.js';

/**
 * PostgreSQL's step 6 adds what several bot processes share (the outbox);
 * one SQLite file serves one process, so there is nothing to do here. The
 * step exists so both databases number their steps alike (step 7 on is the
 * same on both).
 */
export const replicasMigration: Migration = {
  version: 6,
  name: 'replicas',
  sql: `SELECT 1;`,
};
