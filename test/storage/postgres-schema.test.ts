/**
 * The same schema steps, in two dialects: after migrating, SQLite and
 * PostgreSQL have the same tables with the same columns (in the same
 * order) and the same indexes by name. PostgreSQL adds only what replicas
 * need (the outbox, schema_version).
 */
import { expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/index.js';
import { LATEST_SCHEMA } from '../../src/storage/migrations/index.js';
import { connectPostgres, migratePostgres } from '../../src/storage/postgres/index.js';
import { PG_MIGRATIONS } from '../../src/storage/postgres/migrations/index.js';
import { describePg, freshPgUrl } from '../support/postgres.js';

const PG_ONLY_TABLES = ['schema_version'];

describePg('SQLite and PostgreSQL schemas', () => {
  it('steps 1…LATEST_SCHEMA are the same steps; the tables, columns and indexes match', async () => {
    expect(PG_MIGRATIONS.slice(0, LATEST_SCHEMA).map((m) => [m.version, m.name])).toEqual(
      Array.from({ length: LATEST_SCHEMA }, (_, i) => [i + 1, expect.any(String)]),
    );
    const lite = openDatabase(':memory:');
    const liteColumns = lite
      .prepare<[], { t: string; c: string }>("SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid")
      .all()
      .map((r) => `${r.t}.${r.c}`);
    const liteIndexes = lite
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all()
      .map((r) => r.name);
    lite.close();

    const pg = connectPostgres(await freshPgUrl());
    try {
      await migratePostgres(pg);
      const pgColumns = (
        await pg.query<{ t: string; c: string }>(
          'SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position',
        )
      ).map((r) => `${r.t}.${r.c}`);
      const pgIndexes = (
        await pg.query<{ name: string }>("SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key' ORDER BY indexname")
      ).map((r) => r.name);
      expect(pgColumns.filter((c) => !PG_ONLY_TABLES.includes(c.split('.')[0] ?? ''))).toEqual(liteColumns);
      expect(pgIndexes.filter((name) => name !== 'referrers_code_nocase')).toEqual(liteIndexes);
    } finally {
      await pg.close();
    }
  });
});
