/**
 * Issue #18, item 3: /staff remove used to leave the member a referrer and a
 * helper (/hotro, /mylink, /mystats still worked; the code still earned
 * credit), and a referral code could not be revoked at all. Now /staff remove
 * revokes every staff power; /referrer remove CODE (admin, in the chat) and
 * `npm run cli -- referrer remove CODE` end a code: it credits no new check.
 * Everything is recorded in role_changes.
 */
import { describe, expect, it } from 'vitest';
import type { Address, Outgoing } from '../../src/core/message.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { conversation } from '../support/conversation.js';
import { runCli, tempDatabase } from '../support/run-cli.js';

const ADMIN: Address = 'telegram:1001';
const MEMBER: Address = 'telegram:2001';

const texts = (replies: readonly Outgoing[]): string => replies.map((m) => m.text).join('\n');

async function memberWithCode(app: TestApp): Promise<string> {
  const invite = await app.replies({ from: ADMIN, text: '/invite' });
  const code = /([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(invite[0]?.text ?? '')?.[1] ?? '';
  await app.replies({ from: MEMBER, text: `/join ${code}` });
  const link = await app.replies({ from: MEMBER, text: '/referrer me Đoàn viên Lan' });
  return /start=([A-Z0-9]+)/.exec(link[1]?.text ?? '')?.[1] ?? '';
}

/** A person arriving by `code` who checks (eligible) and consents. */
async function personByLink(app: TestApp, user: string, code: string): Promise<void> {
  const person = conversation({ app, user });
  await person.user(`/start ${code}`);
  await person.user('em sinh ngày 15/3/2006');
  await person.choose('Đồng ý lưu');
}

describe('revoking staff powers (issue #18)', () => {
  it('/staff remove ends team membership AND the referral code: no /hotro, /mylink, /mystats, no new credit', async () => {
    const app = createTestApp({ admins: [ADMIN] });
    const code = await memberWithCode(app);
    await personByLink(app, 'truoc', code);
    const unknown = await app.replies({ from: 'telegram:3003', text: '/khongcolenhnay' });

    const removed = texts(await app.replies({ from: ADMIN, text: `/staff remove ${MEMBER}` }));
    expect(removed).toMatch(/Đã bỏ quyền thành viên/);
    expect(removed).toContain(`Đã kết thúc mã giới thiệu ${code}`);
    for (const command of ['/hotro', '/mylink', '/mystats', '/stats', '/referrer list']) {
      expect(await app.replies({ from: MEMBER, text: command }), command).toEqual(unknown);
    }
    // A session that still remembers the code (they came by the link earlier) credits nothing new.
    const remembered = conversation({ app, user: 'nho-ma' });
    await remembered.user(`/start ${code}`);
    await personByLink(app, 'sau', code);
    await remembered.user('em 20 tuổi');
    await remembered.choose('Đồng ý lưu');
    const credited = (await app.store.records.listChecks()).filter((c) => c.referrer === code);
    expect(credited).toHaveLength(1); // only the check made before the removal
    expect(app.store.db.prepare("SELECT actor, subject, change, role, via FROM role_changes WHERE change = 'revoke' ORDER BY id").all()).toEqual([
      { actor: ADMIN, subject: MEMBER, change: 'revoke', role: 'team', via: 'chat' },
      { actor: ADMIN, subject: MEMBER, change: 'revoke', role: 'referrer', via: 'chat' },
    ]);
    app.close();
  });

  it('/referrer remove CODE (admin) ends a branch code: the link no longer credits, past counts stay, others cannot', async () => {
    const app = createTestApp({ admins: [ADMIN] });
    const added = await app.replies({ from: ADMIN, text: '/referrer add Chi đoàn THPT Kiến An' });
    const code = /: ([A-Z2-9]{8})$/.exec(added[0]?.text ?? '')?.[1] ?? '';
    await personByLink(app, 'a', code);
    const unknown = await app.replies({ from: MEMBER, text: '/khongcolenhnay' });
    expect(await app.replies({ from: MEMBER, text: `/referrer remove ${code}` })).toEqual(unknown); // not staff: nothing revealed

    expect(texts(await app.replies({ from: ADMIN, text: `/referrer remove ${code.toLowerCase()}` }))).toContain(`Đã kết thúc mã giới thiệu ${code} (Chi đoàn THPT Kiến An)`);
    expect(texts(await app.replies({ from: ADMIN, text: `/referrer remove ${code}` }))).toMatch(/Không có mã giới thiệu .* đang hoạt động/);
    await personByLink(app, 'b', code);
    const checks = await app.store.records.listChecks();
    expect(checks.map((c) => c.referrer)).toEqual([code, null]);
    expect(app.store.db.prepare("SELECT subject, role, via FROM role_changes WHERE change = 'revoke'").all()).toEqual([{ subject: code, role: 'referrer', via: 'chat' }]);
    app.close();
  });

  it('npm run cli -- referrer remove CODE ends a code and records it; an unknown code exits 1', async () => {
    const db = tempDatabase();
    const app = createTestApp({ admins: [ADMIN], file: db });
    const added = await app.replies({ from: ADMIN, text: '/referrer add Chi đoàn Phường' });
    const code = /: ([A-Z2-9]{8})$/.exec(added[0]?.text ?? '')?.[1] ?? '';
    app.close();
    const ended = await runCli(['referrer', 'remove', code], '', { DATABASE_PATH: db });
    expect(ended.code, ended.stderr).toBe(0);
    expect(ended.stdout).toContain(`Ended referral code ${code} (Chi đoàn Phường): it no longer credits new checks`);
    const again = await runCli(['referrer', 'remove', code], '', { DATABASE_PATH: db });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/no active referral code/);

    const reopened = createTestApp({ admins: [ADMIN], file: db });
    await personByLink(reopened, 'c', code);
    expect((await reopened.store.records.listChecks()).map((c) => c.referrer)).toEqual([null]);
    expect(reopened.store.db.prepare("SELECT actor, subject, role, via FROM role_changes WHERE change = 'revoke'").all()).toEqual([{ actor: 'cli', subject: code, role: 'referrer', via: 'cli' }]);
    reopened.close();
  }, 60_000);
});
