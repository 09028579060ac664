/**
 * Issue #18, item 4: the live database, its WAL and SHM, CLI exports and
 * backups hold personal data; they are created 0600 whatever the umask, an
 * older world-readable database is tightened on open, and .gitignore keeps
 * them out of the repository.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import { REPO, runCli, tempDatabase } from '../support/run-cli.js';
import { openStore } from '../../src/storage/index.js';

const mode = (file: string): string => (statSync(file).mode & 0o777).toString(8);

describe('files holding personal data are owner-only (issue #18)', () => {
  let umask = 0;
  beforeEach(() => {
    umask = process.umask(0o022); // the usual default: new files 0644 unless the code says otherwise
  });
  afterEach(() => {
    process.umask(umask);
  });

  it('database, WAL and SHM are 0600 after the first write; exports and backups too', async () => {
    const db = tempDatabase();
    const app = createTestApp({ file: db });
    await app.handle({ from: 'telegram:5551', text: 'em 20 tuổi' });
    await app.handle({ from: 'telegram:5551', choice: 'consent:yes' });
    for (const file of [db, `${db}-wal`, `${db}-shm`]) {
      expect(existsSync(file), file).toBe(true);
      expect(mode(file), file).toBe('600');
    }
    app.close();

    const folder = dirname(db);
    const out = (name: string) => join(folder, name);
    expect((await runCli(['export', '--format', 'csv', '--out', out('checks.csv')], '', { DATABASE_PATH: db })).code).toBe(0);
    expect((await runCli(['export', '--report', 'candidates', '--format', 'xlsx', '--out', out('ds.xlsx')], '', { DATABASE_PATH: db })).code).toBe(0);
    expect((await runCli(['export', '--report', 'funnel', '--format', 'csv', '--out', out('funnel.csv')], '', { DATABASE_PATH: db })).code).toBe(0);
    expect((await runCli(['backup', out('backup.sqlite')], '', { DATABASE_PATH: db })).code).toBe(0);
    for (const name of ['checks.csv', 'ds.xlsx', 'funnel.csv', 'backup.sqlite']) expect(mode(out(name)), name).toBe('600');
  }, 60_000);

  it('an existing world-readable database (and an export file written over) is tightened', async () => {
    const db = tempDatabase();
    openStore(db).close();
    chmodSync(db, 0o644);
    const store = openStore(db);
    expect(mode(db)).toBe('600');
    store.close();
    const file = join(dirname(db), 'old.csv');
    writeFileSync(file, 'old', { mode: 0o644 });
    expect((await runCli(['export', '--format', 'csv', '--out', file], '', { DATABASE_PATH: db })).code).toBe(0);
    expect(mode(file)).toBe('600');
  }, 60_000);

  it('.gitignore covers the database, its sidecars, backups and exports', () => {
    const paths = ['data/bot.sqlite', 'data/bot.sqlite-wal', 'data/bot.sqlite-shm', 'other/place.sqlite', 'backups/bot-2026-11-23.sqlite', 'exports/ds.csv', 'bao-cao.xlsx', 'ds.csv'];
    const ignored = execFileSync('git', ['check-ignore', ...paths], { cwd: REPO, encoding: 'utf8' }).trim().split('\n');
    expect(ignored).toEqual(paths);
  });
});
