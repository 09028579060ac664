/**
 * Issue #18, item 1: after "/deletedata" the person used to stay readable in
 * the SQLite file and its WAL (secure_delete was on only during the purge),
 * the session row was written again at once, and a backup made later carried
 * all of it. Now the address is nowhere in the database file, the WAL or a
 * backup made after the deletion; the people/session/follow-up rows are
 * gone; a backup made BEFORE the deletion gets the deletion re-applied by
 * `restore` (the ledger keeps salted hashes, never addresses); backups older
 * than 30 days are removed when a new one is made.
 */
import { existsSync, mkdtempSync, readFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Address } from '../../src/core/message.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { conversation } from '../support/conversation.js';
import { runCli } from '../support/run-cli.js';

const ID = '8642097531';
const PERSON: Address = `telegram:${ID}`;
const OTHER: Address = 'telegram:1357924680';

/** Every trace a file could hold of the person: the address, the bare id (UTF-8 text as SQLite stores it). */
function traces(file: string): string[] {
  if (!existsSync(file)) return [];
  const bytes = readFileSync(file);
  return [PERSON, ID].filter((needle) => bytes.includes(Buffer.from(needle, 'utf8')));
}

async function personWithEverything(app: TestApp, user: Address): Promise<void> {
  const chat = conversation({ app, user: user.slice('telegram:'.length) });
  // The conversation helper speaks as console:<user>; this person speaks on Telegram.
  const say = async (text: string) => (chat.last = await app.replies({ from: user, text }));
  const choose = async (label: string) => {
    const hit = chat.lastChoices().find((c) => c.label === label);
    if (hit === undefined) throw new Error(`no choice ${label}: ${chat.lastChoices().map((c) => c.label).join(' | ')}`);
    chat.last = await app.replies({ from: user, choice: hit.id });
  };
  await say('em sinh ngày 15/3/2005');
  await choose('Đồng ý lưu');
  await choose('Nhắc mình + nhận tin mới');
  await say('Kiến An');
}

describe('deleted means deleted (issue #18)', () => {
  it('after /deletedata the address is in neither the database file, its WAL nor a later backup; no row names them', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bot-deleted-'));
    const file = join(folder, 'bot.sqlite');
    const app = createTestApp({ file });
    await personWithEverything(app, PERSON);
    await personWithEverything(app, OTHER);
    const db = app.store.db;
    expect(db.prepare('SELECT count(*) FROM people WHERE address = ?').pluck().get(PERSON)).toBe(1);
    expect(db.prepare('SELECT count(*) FROM followups WHERE address = ?').pluck().get(PERSON)).toBeGreaterThan(0);
    expect(traces(file).length + traces(`${file}-wal`).length).toBeGreaterThan(0);

    await app.replies({ from: PERSON, text: '/deletedata' });
    const done = await app.replies({ from: PERSON, choice: 'forget:yes' });
    expect(done.map((m) => m.text).join('\n')).toMatch(/đã xóa/i);
    // The bytes: database file and WAL, while the bot still runs (another person keeps chatting).
    await app.replies({ from: OTHER, text: 'cảm ơn' });
    expect(traces(file)).toEqual([]);
    expect(traces(`${file}-wal`)).toEqual([]);
    expect(traces(file.replace(/$/, '-shm'))).toEqual([]);

    // No row names the person: person (consent date, ward), session (not written back), follow-ups, opt-in, checks.
    for (const [table, column] of [['people', 'address'], ['sessions', 'address'], ['followups', 'address'], ['news_optins', 'address'], ['checks', 'address'], ['handoffs', 'address']] as const) {
      expect(db.prepare(`SELECT count(*) FROM ${table} WHERE ${column} = ?`).pluck().get(PERSON), table).toBe(0);
    }
    expect(db.prepare('SELECT count(*) FROM checks WHERE address IS NULL').pluck().get()).toBe(1); // the count stays, anonymous
    expect(db.prepare('SELECT count(*) FROM deletion_ledger').pluck().get()).toBe(1);
    app.close();
    expect(traces(file)).toEqual([]);

    const backup = join(folder, 'backups', 'after.sqlite');
    expect((await runCli(['backup', backup], '', { DATABASE_PATH: file })).code).toBe(0);
    expect(traces(backup)).toEqual([]);
    // The other person is untouched.
    const copy = new Database(backup, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM people WHERE address = ?').pluck().get(OTHER)).toBe(1);
    copy.close();
  }, 60_000);

  it('restore re-applies the deletion ledger to a backup made before the deletion', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bot-ledger-'));
    const file = join(folder, 'bot.sqlite');
    const app = createTestApp({ file });
    await personWithEverything(app, PERSON);
    await personWithEverything(app, OTHER);
    app.close();
    const before = join(folder, 'backups', 'before.sqlite');
    expect((await runCli(['backup', before], '', { DATABASE_PATH: file })).code).toBe(0);
    expect(traces(before)).not.toEqual([]);

    const again = createTestApp({ file });
    await again.replies({ from: PERSON, text: '/deletedata' });
    await again.replies({ from: PERSON, choice: 'forget:yes' });
    // The ledger holds a salted hash and a date, never the address.
    const ledger = again.store.db.prepare('SELECT hash, deleted_at FROM deletion_ledger').all() as { hash: string }[];
    expect(ledger).toHaveLength(1);
    expect(ledger[0]?.hash).toMatch(/^[a-p]{64}$/);
    again.close();

    const restored = await runCli(['restore', before], '', { DATABASE_PATH: file });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Deletion ledger re-applied: 1 people who deleted their data after this backup was taken are forgotten again\./);
    expect(traces(file)).toEqual([]);
    expect(traces(`${file}-wal`)).toEqual([]);
    const live = new Database(file, { readonly: true });
    expect(live.prepare('SELECT count(*) FROM people WHERE address = ?').pluck().get(PERSON)).toBe(0);
    expect(live.prepare('SELECT count(*) FROM followups WHERE address = ?').pluck().get(PERSON)).toBe(0);
    expect(live.prepare('SELECT count(*) FROM people WHERE address = ?').pluck().get(OTHER)).toBe(1);
    expect(live.prepare('SELECT count(*) FROM deletion_ledger').pluck().get()).toBe(1);
    live.close();
  }, 60_000);

  it('making a backup removes this bot\'s backups older than 30 days in that folder, and nothing else', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bot-prune-'));
    const file = join(folder, 'bot.sqlite');
    const app = createTestApp({ file });
    await personWithEverything(app, OTHER);
    app.close();
    const backups = join(folder, 'backups');
    const env = { DATABASE_PATH: file, BOT_CLOCK: '2026-11-23T09:00:00+07:00' };
    for (const name of ['old.sqlite', 'recent.sqlite']) expect((await runCli(['backup', join(backups, name)], '', env)).code).toBe(0);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(backups, 'notes.sqlite'), 'not a database');
    const days = (n: number) => new Date(Date.parse('2026-11-23T02:00:00Z') - n * 86_400_000);
    utimesSync(join(backups, 'old.sqlite'), days(31), days(31));
    utimesSync(join(backups, 'notes.sqlite'), days(90), days(90));
    utimesSync(join(backups, 'recent.sqlite'), days(29), days(29));
    const made = await runCli(['backup', join(backups, 'new.sqlite')], '', env);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/Removed 1 backup\(s\) older than 30 days: old\.sqlite\./);
    expect(['old.sqlite', 'recent.sqlite', 'new.sqlite', 'notes.sqlite'].map((n) => existsSync(join(backups, n)))).toEqual([false, true, true, true]);
  }, 60_000);
});
