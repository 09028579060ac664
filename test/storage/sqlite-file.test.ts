import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { Address } from '../../src/core/message.js';
import { LATEST_SCHEMA, StorageError, openDatabase, openStore } from '../../src/storage/index.js';
import { WAL_AUTOCHECKPOINT_PAGES } from '../../src/storage/open-database.js';
import { NOW, checkWrite, minutesLater } from './record-store-contract.js';

const LAN: Address = 'zalo:lan';
let folder: string;
let file: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'bot-storage-'));
  file = join(folder, 'data', 'bot.sqlite');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function thrown(run: () => unknown): StorageError {
  try {
    run();
  } catch (error) {
    if (error instanceof StorageError) return error;
    throw error;
  }
  throw new Error('expected a StorageError');
}

describe('SQLite file', () => {
  it('creates the data folder and really sets WAL, NORMAL, foreign keys and busy_timeout', () => {
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT_PAGES);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA);
    db.close();
  });

  it('reopening does not migrate again and keeps the data', async () => {
    const first = openStore(file);
    await first.records.commitTurn(LAN, null, [{ type: 'person', patch: { consent: 'granted' } }, checkWrite()], NOW);
    first.close();
    first.close(); // idempotent

    const second = openStore(file);
    expect(second.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA);
    expect(await second.records.getPerson(LAN)).toMatchObject({ consent: 'granted' });
    expect(await second.records.checksOf(LAN)).toHaveLength(1);
    second.close();
  });

  it('a conversation resumes after a restart', async () => {
    const before = openStore<{ flow: string; step: number }>(file, { cache: {} });
    await before.records.commitTurn(LAN, { flow: 'idvn', step: 2 }, [], NOW);
    before.close();

    const after = openStore<{ flow: string; step: number }>(file, { cache: {} });
    expect(await after.sessions.read(LAN)).toEqual({ flow: 'idvn', step: 2 });
    after.close();
  });

  it('forget anonymises the checks on disk but keeps the counts', async () => {
    const store = openStore(file);
    await store.records.commitTurn(LAN, { flow: 'idvn' }, [{ type: 'person', patch: {} }, checkWrite(), checkWrite()], NOW);
    await store.records.commitTurn(LAN, null, [{ type: 'forget' }], minutesLater(1));
    store.close();

    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM checks WHERE address IS NULL').pluck().get()).toBe(2);
    expect(raw.prepare('SELECT count(*) FROM checks WHERE address IS NOT NULL').pluck().get()).toBe(0);
    expect(raw.prepare('SELECT count(*) FROM people').pluck().get()).toBe(0);
    expect(raw.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(0);
    raw.close();
  });

  it('refuses a database from a newer build, naming the fix', () => {
    const db = openDatabase(file);
    db.pragma(`user_version = ${LATEST_SCHEMA + 3}`);
    db.close();
    const error = thrown(() => openDatabase(file));
    expect(error.code).toBe('SCHEMA_TOO_NEW');
    expect(error.message).toBe(
      `Database is at schema ${LATEST_SCHEMA + 3}, this build knows up to ${LATEST_SCHEMA}. Upgrade the bot or restore a backup (npm run cli -- backup).`,
    );
  });

  it('a path that cannot be a folder names DATABASE_PATH', () => {
    const blocker = join(folder, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const error = thrown(() => openDatabase(join(blocker, 'bot.sqlite')));
    expect(error.code).toBe('CANNOT_OPEN');
    expect(error.message).toMatch(/DATABASE_PATH/);
  });

  it('a file that is not SQLite names DATABASE_PATH and the backup command', () => {
    const notDb = join(folder, 'notes.sqlite');
    writeFileSync(notDb, 'this is not a database, just some text that is long enough '.repeat(20));
    const error = thrown(() => openDatabase(notDb));
    expect(error.code).toBe('CANNOT_OPEN');
    expect(error.message).toMatch(/DATABASE_PATH.*npm run cli -- backup/);
  });

  it('has no column for birth dates, ID numbers, phone numbers or message text', () => {
    const db = openDatabase(file);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    expect(tables).toEqual(expect.arrayContaining(['checks', 'people', 'sessions']));
    const columns = tables.flatMap((table) =>
      (db.pragma(`table_info(${table})`) as { name: string }[]).map((column) => `${table}.${column.name}`),
    );
    const suspicious = /birth|dob|born|age\b|cccd|cmnd|citizen|id_?num|identity|passport|phone|mobile|tel\b|msisdn|text|message|body|content|name/i;
    // Issue #16: a message to another chat waits in the outbox only from the turn's commit until it is sent (then deleted).
    expect(columns.filter((column) => suspicious.test(column))).toEqual(['outbox.messages']);
    db.close();
  });
});
