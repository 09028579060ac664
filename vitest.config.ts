import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    sequence: { seed: 20261123 },
    pool: 'forks',
    // Vitest's default is one worker on a 2-core machine; most files wait on SQLite, PostgreSQL
    // or child processes, so two keep both cores busy.
    maxWorkers: 2,
    globalSetup: ['test/support/postgres-global.ts'],
  },
});
