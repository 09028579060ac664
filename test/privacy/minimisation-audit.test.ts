/**
 * Minimisation audit (RULES.md "Personal data"): no column may be meant for a
 * birth date, an ID number, a phone number or message text, and after a
 * realistic run of conversations on a FILE database no row of any table
 * (sessions JSON included) — nor any byte of the database and its WAL —
 * holds a typed birth date, a 12-digit citizen ID, a phone number or the
 * raw text of a message. New tables (later migrations) are audited too.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../src/core/choices.js';
import type { SqliteDatabase } from '../../src/storage/index.js';
import { openDatabase } from '../../src/storage/index.js';
import { createPgTestApp, createTestApp, type TestApp } from '../support/app.js';
import { describePg, freshPgUrl } from '../support/postgres.js';
import { runRealisticDay, type Sensitive } from './realistic-run.js';

/** Column names that would mean storing what RULES.md forbids. */
const FORBIDDEN_COLUMN = /birth|dob|ngay_?sinh|cccd|cmnd|citizen|national_?id|id_?(?:no|num|number)|passport|phone|sdt|mobile|msisdn|email|message|msg|text|content|body|raw|transcript|utterance|full_?name/i;
/** Columns whose names match FORBIDDEN_COLUMN but were reviewed: why they hold no citizen's personal data. */
const REVIEWED: Readonly<Record<string, string>> = {
  'broadcasts.text': "an announcement written by staff (migration 003), not a citizen's message",
  'outbox.messages':
    "a turn's message to another chat (a question forwarded to the staff chat, a staff answer; schema step 10), from the turn's commit until it is sent right after; on PostgreSQL also the bot's outgoing messages waiting for the Zalo leader (step 6); deleted once sent, emptied after 3 failures",
};
const CITIZEN_ID = /(?<!\d)\d{12}(?!\d)/;
const PHONE = /(?<!\d)(?:\+?84|0)\d{9}(?!\d)/;

function tables(db: SqliteDatabase): string[] {
  return db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
}

function columns(db: SqliteDatabase, table: string): { name: string; type: string }[] {
  return db.prepare<[], { name: string; type: string }>(`SELECT name, type FROM pragma_table_info('${table}')`).all();
}

function dumpRows(db: SqliteDatabase): { table: string; row: string }[] {
  return tables(db).flatMap((table) =>
    db.prepare<[], Record<string, unknown>>(`SELECT * FROM "${table}"`).all().map((row) => ({ table, row: JSON.stringify(row) })),
  );
}

describe('schema', () => {
  it('every table and column of a migrated database is free of personal-data columns', () => {
    const db = openDatabase(':memory:');
    const found = tables(db).flatMap((table) => columns(db, table).map((c) => `${table}.${c.name}`));
    db.close();
    expect(found).toEqual(expect.arrayContaining(['people.address', 'checks.outcome', 'sessions.state']));
    const suspicious = found.filter((name) => FORBIDDEN_COLUMN.test(name.split('.')[1] ?? '') && !(name in REVIEWED));
    expect(suspicious, 'a new column looks like personal data: rename it, or review it and add it to REVIEWED').toEqual([]);
  });
});

describe('a database after a realistic run of conversations', () => {
  let folder: string;
  let file: string;
  let app: TestApp;
  let sensitive: Sensitive;
  let rows: { table: string; row: string }[];
  let bytes: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'bot-audit-'));
    file = join(folder, 'bot.sqlite');
    app = createTestApp({ file });
    sensitive = await runRealisticDay(app, 64);
    rows = dumpRows(app.store.db);
    // Every byte on disk, before and after the WAL is folded in: deleted rows linger in free pages.
    const raw = (path: string): string => (existsSync(path) ? readFileSync(path).toString('utf8') : '');
    bytes = raw(file) + raw(`${file}-wal`);
    app.close();
    bytes += raw(file);
  }, 60_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('the run stored people, checks and sessions (so the scan below means something)', () => {
    const count = (table: string) => rows.filter((r) => r.table === table).length;
    expect(count('people')).toBeGreaterThan(5);
    expect(count('checks')).toBeGreaterThan(30);
    expect(count('sessions')).toBeGreaterThan(30);
    expect(rows.some((r) => r.table === 'checks' && r.row.includes('"address":null'))).toBe(true);
    expect(sensitive.texts.size).toBeGreaterThan(60);
  });

  it('no row holds a 12-digit citizen ID or a phone number', () => {
    expect(rows.filter((r) => CITIZEN_ID.test(r.row))).toEqual([]);
    expect(rows.filter((r) => PHONE.test(r.row))).toEqual([]);
    const leaks = [...sensitive.idNumbers, ...sensitive.phones].filter((value) => rows.some((r) => r.row.includes(value)));
    expect(leaks).toEqual([]);
  });

  it('no row holds a birth date that was typed, in any form, nor its year', () => {
    const dates = [...sensitive.birthDates].filter((value) => rows.some((r) => r.row.includes(value)));
    expect(dates).toEqual([]);
    const years = [...sensitive.birthYears].filter((year) => rows.some((r) => new RegExp(`(?<!\\d)${year}(?!\\d)`).test(r.row)));
    expect(years).toEqual([]);
  });

  it('no row holds the text of a message, as typed or folded', () => {
    const folded = fold(rows.map((r) => r.row).join('\n'));
    const leaks = [...sensitive.texts].filter((message) => rows.some((r) => r.row.includes(message)) || folded.includes(fold(message)));
    expect(leaks).toEqual([]);
  });

  it('no byte of the database file or its WAL holds an ID, a phone number, a typed birth date or message text', () => {
    const values = [...sensitive.idNumbers, ...sensitive.phones, ...sensitive.birthDates, ...sensitive.texts];
    expect(values.filter((value) => bytes.includes(value))).toEqual([]);
  });
});

/** The same audit on PostgreSQL: its schema, and every row after the same realistic day. */
const PG_REVIEWED: Readonly<Record<string, string>> = REVIEWED;

describePg('PostgreSQL: schema and rows after a realistic run', () => {
  it('no column is meant for personal data, and no row holds an ID, a phone, a typed birth date or message text', async () => {
    const app = await createPgTestApp(await freshPgUrl());
    try {
      const sensitive = await runRealisticDay(app, 64);
      const db = app.store.db;
      const names = (
        await db.query<{ table_name: string; column_name: string }>(
          'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY 1, 2',
        )
      ).map((c) => `${c.table_name}.${c.column_name}`);
      expect(names).toEqual(expect.arrayContaining(['people.address', 'checks.outcome', 'sessions.state', 'outbox.messages']));
      expect(names.filter((name) => FORBIDDEN_COLUMN.test(name.split('.')[1] ?? '') && !(name in PG_REVIEWED))).toEqual([]);

      const tableNames = [...new Set(names.map((n) => n.split('.')[0] ?? ''))];
      const pgRows = (await Promise.all(tableNames.map(async (table) => (await db.query(`SELECT * FROM "${table}"`)).map((row) => ({ table, row: JSON.stringify(row) }))))).flat();
      expect(pgRows.filter((r) => r.table === 'checks').length).toBeGreaterThan(30);
      const values = [...sensitive.idNumbers, ...sensitive.phones, ...sensitive.birthDates, ...sensitive.texts];
      expect(values.filter((value) => pgRows.some((r) => r.row.includes(value)))).toEqual([]);
      expect(pgRows.filter((r) => CITIZEN_ID.test(r.row) || PHONE.test(r.row))).toEqual([]);
    } finally {
      await app.close();
    }
  }, 60_000);
});
