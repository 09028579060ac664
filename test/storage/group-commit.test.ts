/**
 * Group commit (issue #21): turns of different people that are ready at the
 * same moment share one SQLite transaction, each in its own savepoint; a
 * reply goes out only after the COMMIT that holds its turn; a failing turn
 * loses nothing of the others; one person's turns stay in order.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Address } from '../../src/core/message.js';
import { createGroupCommit, openDatabase } from '../../src/storage/index.js';
import { createTestApp, type TestApp } from '../support/app.js';

let folder: string | undefined;
let app: TestApp | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

function newFile(): string {
  folder = mkdtempSync(join(tmpdir(), 'group-commit-'));
  return join(folder, 'bot.sqlite');
}

/** A second connection, as another process would see the file: only committed rows. */
function committedChecks(file: string): string[] {
  const reader = new Database(file, { readonly: true });
  try {
    return reader.prepare<[], string>('SELECT address FROM checks WHERE address IS NOT NULL ORDER BY id').pluck().all();
  } finally {
    reader.close();
  }
}

describe('group commit in a conversation', () => {
  it('commits the consented checks of people answering at the same moment, and each reply comes after its commit', async () => {
    const file = newFile();
    const batches: number[] = [];
    app = createTestApp({ file, groupCommit: { onBatch: (size) => batches.push(size) } });
    const people: Address[] = ['telegram:1', 'telegram:2', 'telegram:3', 'zalo:4'];
    for (const who of people) await app.handle({ from: who, text: 'tôi 20 tuổi, có được id.vn không' });
    batches.length = 0;

    const seenAtReply = await Promise.all(
      people.map(async (who) => {
        const replies = await app!.handle({ from: who, text: 'đồng ý' });
        expect(replies.messages.map((r) => r.text).join('\n')).toMatch(/đã lưu kết quả/);
        return committedChecks(file);
      }),
    );
    // When each reply was ready, its check was already on disk for any other reader.
    people.forEach((who, i) => expect(seenAtReply[i]).toContain(who));
    expect(batches).toEqual([4]);
    expect(committedChecks(file)).toEqual(people);
  });

  it("keeps one person's quick messages in order while others are committed alongside", async () => {
    app = createTestApp({ file: newFile() });
    const lan = app.handle({ from: 'telegram:lan', text: '/start' });
    const lanNext = app.handle({ from: 'telegram:lan', text: '1' });
    const lanDate = app.handle({ from: 'telegram:lan', text: '15/3/2004' });
    const lanYes = app.handle({ from: 'telegram:lan', text: 'đồng ý' });
    const minh = app.handle({ from: 'telegram:minh', text: 'em 16 tuổi được id.vn không' });
    const replies = await Promise.all([lan, lanNext, lanDate, lanYes, minh]);
    const texts = replies.map((turn) => turn.messages.map((r) => r.text).join('\n'));
    expect(texts[1]).toMatch(/Bạn sinh ngày nào/);
    expect(texts[2]).toMatch(/đủ điều kiện nhận tên miền id\.vn/);
    expect(texts[3]).toMatch(/đã lưu kết quả/);
    expect(texts[4]).toMatch(/chưa đủ 18 tuổi/);
    expect(await app.store.records.checksOf('telegram:lan')).toMatchObject([{ outcome: 'eligible' }]);
  });
});

describe('createGroupCommit', () => {
  it('rolls back only the turn that failed; the others of its batch are committed', async () => {
    const db = openDatabase(':memory:');
    try {
      db.exec('CREATE TABLE t (name TEXT NOT NULL UNIQUE)');
      const insert = db.prepare<[string]>('INSERT INTO t (name) VALUES (?)');
      const sizes: number[] = [];
      const group = createGroupCommit(db, { onBatch: (size) => sizes.push(size) });
      const results = await Promise.allSettled([
        group.run(() => insert.run('lan')),
        group.run(() => {
          insert.run('minh');
          insert.run('lan'); // violates UNIQUE: this turn rolls back, 'minh' with it
        }),
        group.run(() => insert.run('hoa')),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(db.prepare<[], string>('SELECT name FROM t ORDER BY name').pluck().all()).toEqual(['hoa', 'lan']);
      expect(sizes).toEqual([1 + 1 + 1]);
    } finally {
      db.close();
    }
  });

  it('settles no turn before the COMMIT of its batch', async () => {
    const file = newFile();
    const db = openDatabase(file);
    try {
      db.exec('CREATE TABLE t (name TEXT)');
      const group = createGroupCommit(db);
      let settled = false;
      const turn = group.run(() => db.prepare('INSERT INTO t VALUES (?)').run('lan')).then(() => {
        settled = true;
        const reader = new Database(file, { readonly: true });
        try {
          return reader.prepare('SELECT count(*) FROM t').pluck().get();
        } finally {
          reader.close();
        }
      });
      await Promise.resolve();
      expect(settled).toBe(false);
      expect(group.pending()).toBe(1);
      expect(await turn).toBe(1);
    } finally {
      db.close();
    }
  });

  it('fails every turn of a batch whose transaction fails (the database closed): none of them was saved', async () => {
    const db = openDatabase(':memory:');
    db.exec('CREATE TABLE t (name TEXT)');
    const group = createGroupCommit(db);
    const turns = [group.run(() => 1), group.run(() => 2)];
    db.close();
    const results = await Promise.allSettled(turns);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
