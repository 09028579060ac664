import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    sequence: { seed: 20261123 },
    pool: 'forks',
    globalSetup: ['test/support/postgres-global.ts'],
  },
});
