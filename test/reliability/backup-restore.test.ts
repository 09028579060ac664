/**
 * Backups while the bot writes, and restores: in process (writes interleaved
 * with every step of the backup) and through the CLI against a separate writer
 * process, the way an operator runs them.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckRecord } from '../../src/core/ports.js';
import { backupDatabase, BackupError, inspectDatabaseFile } from '../../src/storage/backup.js';
import { insertChecks, openDatabase } from '../../src/storage/index.js';
import { restoreDatabase } from '../../src/storage/restore.js';
import { createTestApp } from '../support/app.js';
import { runCli } from '../support/run-cli.js';
import { startWriter, type Writer } from './child-writer.js';

let folder: string;
let writer: Writer | undefined;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'bot-backup-'));
});
afterEach(async () => {
  await writer?.kill();
  writer = undefined;
  rmSync(folder, { recursive: true, force: true });
});

function* seed(count: number): Generator<CheckRecord> {
  for (let i = 0; i < count; i += 1) {
    const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    yield { address: null, channel: 'zalo', track: 'id.vn', outcome: 'eligible', reason: 'idvn_age_in_range', referrer: `REF_${i % 50}`, locality: null, createdAt: at };
  }
}

const ids = (db: Database.Database): string[] =>
  db.prepare<[], string>("SELECT id || ':' || coalesce(address, '') || ':' || created_at FROM checks ORDER BY id").pluck().all();

describe('backupDatabase / restoreDatabase in process', () => {
  it('backs up while turns keep committing, and the restored copy has the same rows as the backup', async () => {
    const app = createTestApp({ file: join(folder, 'bot.sqlite') });
    insertChecks(app.store.db, seed(20_000));
    let stop = false;
    let written = 0;
    const writes = (async () => {
      while (!stop) {
        const from = `telegram:${700_000 + written}` as const;
        await app.handle({ from, text: 'tôi 20 tuổi' });
        await app.handle({ from, choice: 'consent:yes' });
        written += 1;
        await new Promise((resolve) => setImmediate(resolve)); // let the backup take its next step
      }
    })();
    const backupFile = join(folder, 'backups', 'bot-2026-11-23.sqlite');
    const writtenBefore = written;
    const summary = await backupDatabase(app.store.db, backupFile, { pagesPerStep: 5 });
    const writtenDuring = written - writtenBefore;
    stop = true;
    await writes;

    expect(writtenDuring).toBeGreaterThan(5); // writes really continued during the backup
    expect(summary.checks).toBeGreaterThanOrEqual(20_000 + writtenBefore);
    expect(readdirSync(join(folder, 'backups'))).toEqual(['bot-2026-11-23.sqlite']); // no .partial, no -wal
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);

    // The backup is a consistent prefix of the live database: the same rows, in order, nothing torn.
    const backup = new Database(backupFile, { readonly: true });
    const backedUp = ids(backup);
    backup.close();
    const live = ids(app.store.db);
    expect(backedUp.length).toBe(summary.checks);
    expect(live.slice(0, backedUp.length)).toEqual(backedUp);
    app.close();

    const restoredFile = join(folder, 'restored', 'bot.sqlite');
    const restored = await restoreDatabase(backupFile, restoredFile);
    expect(restored).toMatchObject({ schema: summary.schema, people: summary.people, checks: summary.checks, sessions: summary.sessions });
    const reopened = createTestApp({ file: restoredFile });
    expect(ids(reopened.store.db)).toEqual(backedUp);
    expect(reopened.store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    reopened.close();
  });

  it('refuses to back up onto the database itself, and to restore what is not a backup of this bot', async () => {
    const live = join(folder, 'bot.sqlite');
    const db = openDatabase(live);
    await expect(backupDatabase(db, live)).rejects.toMatchObject({ code: 'SAME_FILE' });
    db.close();

    const text = join(folder, 'notes.txt');
    writeFileSync(text, 'not a database at all');
    await expect(restoreDatabase(text, live)).rejects.toMatchObject({ code: 'NOT_SQLITE', message: expect.stringMatching(/npm run cli -- backup/) });
    await expect(restoreDatabase(join(folder, 'missing.sqlite'), live)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const foreign = join(folder, 'foreign.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE notes (body TEXT)');
    other.pragma('user_version = 1');
    other.close();
    await expect(restoreDatabase(foreign, live)).rejects.toMatchObject({ code: 'UNKNOWN_SCHEMA' });

    const future = join(folder, 'future.sqlite');
    const newer = openDatabase(future);
    newer.pragma('user_version = 999');
    newer.close();
    await expect(restoreDatabase(future, live)).rejects.toMatchObject({ code: 'UNKNOWN_SCHEMA', message: expect.stringMatching(/schema 999/) });

    // A damaged file: valid header, garbage inside.
    const damaged = join(folder, 'damaged.sqlite');
    const good = openDatabase(damaged);
    insertChecks(good, seed(5_000));
    good.pragma('journal_mode = DELETE');
    good.close();
    const { openSync, writeSync, closeSync } = await import('node:fs');
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, 4096 * 3);
    closeSync(fd);
    await expect(restoreDatabase(damaged, live)).rejects.toBeInstanceOf(BackupError);
    expect(inspectDatabaseFile(live).checks).toBe(0); // the live file was never touched
  });
});

describe('npm run cli -- backup / restore, with the bot in another process', () => {
  it('backs up while the bot writes, refuses to restore while it runs, restores once it is stopped', async () => {
    const live = join(folder, 'data', 'bot.sqlite');
    writer = startWriter(live);
    await writer.waitForAcks(20);
    const ackedBefore = [...writer.acked];
    const backupFile = join(folder, 'backups', 'b.sqlite');
    const env = { DATABASE_PATH: live };

    const backup = await runCli(['backup', backupFile], '', env);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up .*bot\.sqlite to .*b\.sqlite: schema \d+, \d+ people, \d+ checks, \d+ sessions, integrity ok\.\n$/);
    const inBackup = inspectDatabaseFile(backupFile);
    expect(inBackup.checks).toBeGreaterThanOrEqual(ackedBefore.length);
    await writer.waitForAcks(writer.acked.length + 20); // still writing after the backup

    const refused = await runCli(['restore', backupFile], '', env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/in use by another process .*Stop the bot first/);

    await writer.kill();
    const liveChecks = inspectDatabaseFile(live).checks;
    expect(liveChecks).toBeGreaterThan(inBackup.checks);

    const restore = await runCli(['restore', backupFile], '', env);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/^Restored .*: schema \d+, \d+ people, \d+ checks, \d+ sessions, integrity ok\. Run "npm run cli -- purge", then start the bot\.\n$/);
    expect(inspectDatabaseFile(live)).toMatchObject({ people: inBackup.people, checks: inBackup.checks, sessions: inBackup.sessions });
    expect(existsSync(`${live}-wal`)).toBe(false);

    const app = createTestApp({ file: live });
    const stored = new Set(app.store.db.prepare<[], string>('SELECT address FROM checks').pluck().all());
    expect(ackedBefore.filter((a) => !stored.has(a))).toEqual([]);
    expect(app.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    app.close();
  });

  it('explains usage mistakes', async () => {
    const result = await runCli(['backup'], '', { DATABASE_PATH: join(folder, 'bot.sqlite') });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Usage: npm run cli -- backup <file>/);
    const nothing = await runCli(['backup', join(folder, 'b.sqlite')], '', { DATABASE_PATH: join(folder, 'none.sqlite') });
    expect(nothing.stderr).toMatch(/Nothing to back up: .*none\.sqlite does not exist/);
  });
});
