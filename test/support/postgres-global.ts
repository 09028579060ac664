/**
 * Vitest global setup: one PostgreSQL server for the whole run (started on
 * 127.0.0.1 by the suite itself, see postgres-server.ts), shared with test
 * files as `inject('pgUrl')`. Each test then works in a fresh schema
 * (test/support/postgres.ts). Without PostgreSQL binaries the PostgreSQL
 * tests are skipped with a notice, unless REQUIRE_POSTGRES=1 (CI), where
 * that is an error.
 */
import type { TestProject } from 'vitest/node';
import { findPostgresBin, startPostgres, type PostgresServer } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

let server: PostgresServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (findPostgresBin() === undefined && process.env['REQUIRE_POSTGRES'] !== '1') {
    process.stderr.write('PostgreSQL binaries not found: PostgreSQL store tests are skipped (install postgresql or set PG_BIN).\n');
    project.provide('pgUrl', '');
    return;
  }
  server = await startPostgres();
  project.provide('pgUrl', server.url);
}

export function teardown(): void {
  server?.stop();
  server = undefined;
}
