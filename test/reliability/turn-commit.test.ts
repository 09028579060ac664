/**
 * Issue #16: everything a turn does is committed together. The store's
 * commit is made to fail at its last statement (a trigger on `sessions`,
 * whose row is written after every other write of the turn): the person gets
 * the friendly apology and nothing of the turn is left — no invite, no team
 * change, no referrer, no broadcast, no handoff, no outbox row, no message
 * sent to another chat. Sending the same input again then works, once. On
 * SQLite, and on PostgreSQL when the suite's server is up.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Deliver } from '../../src/core/handoff.js';
import type { Address, Outgoing } from '../../src/core/message.js';
import type { ProgramData } from '../../src/core/program.js';
import { loadProgram } from '../../src/data.js';
import { createPgTestApp, createTestApp, type TestAppOptions } from '../support/app.js';
import { describePg, freshPgUrl } from '../support/postgres.js';

const ADMIN: Address = 'telegram:1001';
const MEMBER: Address = 'zalo:2002';
const PERSON: Address = 'console:hoa';
const NEWS: Address = 'console:lan';
const STAFF_CHAT: Address = 'telegram:-100777';
const APOLOGY = 'Xin lỗi, mình đang gặp trục trặc nhỏ';

type Db = {
  handle(from: Address, input: { text: string } | { choice: string }): Promise<Outgoing[]>;
  /** The first column of the first row. */
  value(sql: string): Promise<unknown>;
  breakCommit(): Promise<void>;
  mendCommit(): Promise<void>;
  close(): Promise<void>;
};

function withStaffChat(): ProgramData {
  const program = loadProgram();
  return { ...program, handoff: { ...program.handoff, staffChat: STAFF_CHAT } };
}

type Sent = { to: Address; text: string };

function options(sent: Sent[]): TestAppOptions {
  const deliver: Deliver = async (to, messages) => void sent.push({ to, text: messages.map((m) => m.text).join('\n') });
  return { admins: [ADMIN], program: withStaffChat(), deliver };
}

const text = (messages: readonly Outgoing[]): string => messages.map((m) => m.text).join('\n');

async function sqliteDb(sent: Sent[]): Promise<Db> {
  const app = createTestApp(options(sent));
  const { db } = app.store;
  return {
    handle: async (from, input) => (await app.handle({ from, ...input })).messages,
    value: async (sql) => db.prepare(sql).pluck().get(),
    breakCommit: async () => {
      void db.exec(`CREATE TRIGGER fail_insert BEFORE INSERT ON sessions BEGIN SELECT RAISE(ABORT, 'injected commit failure'); END;
               CREATE TRIGGER fail_update BEFORE UPDATE ON sessions BEGIN SELECT RAISE(ABORT, 'injected commit failure'); END;`);
    },
    mendCommit: async () => void db.exec('DROP TRIGGER fail_insert; DROP TRIGGER fail_update;'),
    close: async () => app.close(),
  };
}

async function pgDb(sent: Sent[]): Promise<Db> {
  const app = await createPgTestApp(await freshPgUrl(), options(sent));
  const { db } = app.store;
  return {
    handle: async (from, input) => (await app.handle({ from, ...input })).messages,
    value: async (sql) => Object.values((await db.query(sql))[0] ?? {})[0],
    breakCommit: async () => {
      await db.query(`CREATE FUNCTION fail_turn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected commit failure'; END $$`);
      await db.query('CREATE TRIGGER fail_turn BEFORE INSERT OR UPDATE ON sessions FOR EACH ROW EXECUTE FUNCTION fail_turn()');
    },
    mendCommit: async () => {
      await db.query('DROP TRIGGER fail_turn ON sessions');
      await db.query('DROP FUNCTION fail_turn()');
    },
    close: () => app.close(),
  };
}

/** Sends `input` with the commit broken (apology, `nothing()` still true), then again with it mended; returns the second answer. */
async function failThenRetry(db: Db, from: Address, input: { text: string } | { choice: string }, nothing: () => Promise<void>): Promise<string> {
  await db.breakCommit();
  try {
    expect(text(await db.handle(from, input))).toContain(APOLOGY);
    await nothing();
  } finally {
    await db.mendCommit();
  }
  const again = text(await db.handle(from, input));
  expect(again).not.toContain(APOLOGY);
  return again;
}

const n = async (db: Db, sql: string): Promise<number> => Number(await db.value(sql));

function story(open: (sent: Sent[]) => Promise<Db>): void {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it('a failed commit leaves no staff change, broadcast, handoff or outbox message; the same input again works once', async () => {
    const sent: Sent[] = [];
    const d = (db = await open(sent));
    const nothingQueued = async (): Promise<void> => {
      expect(await n(d, 'SELECT count(*) FROM outbox')).toBe(0);
    };

    // /invite: no invite row; the retry shows a code once.
    const invited = await failThenRetry(d, ADMIN, { text: '/invite Kiến An' }, async () => {
      expect(await n(d, 'SELECT count(*) FROM invites')).toBe(0);
    });
    const code = /([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(invited)?.[1] ?? '';
    expect(code).not.toBe('');
    expect(await n(d, 'SELECT count(*) FROM invites')).toBe(1);

    // /join: no member, no role change, no counted failure.
    expect(await failThenRetry(d, MEMBER, { text: `/join ${code}` }, async () => {
      expect(await n(d, 'SELECT count(*) FROM staff_members')).toBe(0);
      expect(await n(d, 'SELECT count(*) FROM role_changes')).toBe(0);
      expect(await n(d, 'SELECT count(*) FROM join_failures')).toBe(0);
      expect(await n(d, 'SELECT count(*) FROM invites WHERE used_by IS NOT NULL')).toBe(0);
    })).toMatch(/Chào mừng/);
    expect(await n(d, 'SELECT count(*) FROM staff_members')).toBe(1);

    // /referrer add: no referral code.
    expect(await failThenRetry(d, ADMIN, { text: '/referrer add Chi đoàn phường' }, async () => {
      expect(await n(d, 'SELECT count(*) FROM referrers')).toBe(0);
    })).toMatch(/Chi đoàn phường/);
    expect(await n(d, 'SELECT count(*) FROM referrers')).toBe(1);

    // /staff remove: the member stays until the retry.
    await failThenRetry(d, ADMIN, { text: `/staff remove ${MEMBER}` }, async () => {
      expect(await n(d, 'SELECT count(*) FROM staff_members')).toBe(1);
    });
    expect(await n(d, 'SELECT count(*) FROM staff_members')).toBe(0);
    expect(await n(d, "SELECT count(*) FROM role_changes WHERE change = 'revoke'")).toBe(1);

    // A broadcast: nothing queued; the retry queues it once.
    await d.handle(NEWS, { text: '20 tuổi' });
    await d.handle(NEWS, { choice: 'consent:yes' });
    const asked = text(await d.handle(NEWS, { choice: 'followup:news' }));
    expect(await n(d, 'SELECT count(*) FROM news_optins')).toBe(1);
    expect(asked).not.toContain(APOLOGY);
    expect(await failThenRetry(d, ADMIN, { text: '/broadcast | Ngày hội tên miền .vn sáng Chủ nhật' }, async () => {
      expect(await n(d, 'SELECT count(*) FROM broadcasts')).toBe(0);
      expect(await n(d, "SELECT count(*) FROM followups WHERE kind = 'broadcast'")).toBe(0);
    })).toMatch(/Đã xếp hàng gửi tin #\d+ tới 1 người/); // PostgreSQL ids skip the rolled-back one
    expect(await n(d, 'SELECT count(*) FROM broadcasts')).toBe(1);
    expect(await n(d, "SELECT count(*) FROM followups WHERE kind = 'broadcast'")).toBe(1);

    // A handoff: no row, no outbox message, nothing sent to the staff chat; the retry forwards it once.
    expect(text(await d.handle(PERSON, { text: 'cho mình gặp cán bộ, hộ kinh doanh của mẹ mình đổi chủ thì đăng ký thế nào' }))).toMatch(/chuyển câu hỏi cho cán bộ/);
    const forwarded = await failThenRetry(d, PERSON, { choice: 'handoff:yes' }, async () => {
      expect(await n(d, 'SELECT count(*) FROM handoffs')).toBe(0);
      await nothingQueued();
      expect(sent).toEqual([]);
    });
    const handoff = /mã (H\d+)/.exec(forwarded)?.[1] ?? '';
    expect(handoff).not.toBe('');
    expect(sent).toEqual([{ to: STAFF_CHAT, text: expect.stringContaining(`Câu hỏi ${handoff}`) }]);
    expect(await n(d, "SELECT count(*) FROM handoffs WHERE status = 'open'")).toBe(1);
    await nothingQueued(); // sent, so deleted: the question's words are not kept

    // The staff answer: not relayed while the commit fails; the retry relays it once.
    expect(await failThenRetry(d, STAFF_CHAT, { text: `#${handoff} Chị mang giấy chứng nhận mới đến phường nhé` }, async () => {
      expect(sent).toHaveLength(1);
      expect(await n(d, "SELECT count(*) FROM handoffs WHERE status = 'answered'")).toBe(0);
      await nothingQueued();
    })).toContain(`Đã gửi câu trả lời ${handoff}`);
    expect(sent[1]).toEqual({ to: PERSON, text: 'Cán bộ trả lời: Chị mang giấy chứng nhận mới đến phường nhé' });
    expect(sent).toHaveLength(2);
    expect(await n(d, "SELECT count(*) FROM handoffs WHERE status = 'answered'")).toBe(1);
    await nothingQueued();
  });
}

describe('a turn is committed whole (SQLite)', () => story(sqliteDb));
describePg('a turn is committed whole (PostgreSQL)', () => story(pgDb));
