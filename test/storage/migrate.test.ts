import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS, StorageError, migrate, schemaVersion } from '../../src/storage/index.js';

describe('migrate', () => {
  it('numbers the shipped steps 1, 2, 3… and applies them all once', () => {
    expect(MIGRATIONS.map((step) => step.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual({ from: 0, to: MIGRATIONS.length });
    expect(migrate(db)).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length });
    db.close();
  });

  it('rolls back a failing step and keeps the version before it', () => {
    const db = new Database(':memory:');
    const steps = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE a (x TEXT);' },
      { version: 2, name: 'broken', sql: 'CREATE TABLE b (x TEXT); INSERT INTO nowhere VALUES (1);' },
    ];
    expect(() => migrate(db, steps)).toThrow(/Schema step 2 \(broken\) failed and was rolled back.*still at schema 1/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'b'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses steps listed out of order', () => {
    const db = new Database(':memory:');
    const error = (() => {
      try {
        migrate(db, [{ version: 2, name: 'second', sql: '' }]);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).message).toMatch(/version 2 but is number 1/);
    db.close();
  });
});
