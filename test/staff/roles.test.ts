/**
 * Roles (issue #7): admins from ADMINS, team members by one-time invite,
 * everyone else gets exactly the unknown-command answer to staff commands.
 */
import { describe, expect, it } from 'vitest';
import type { Address, Outgoing } from '../../src/core/message.js';
import { createTestApp, type TestApp } from '../support/app.js';

const ADMIN: Address = 'telegram:1001';
const MEMBER: Address = 'zalo:2002';
const STRANGER: Address = 'telegram:3003';

async function say(app: TestApp, from: Address, text: string): Promise<Outgoing[]> {
  return app.replies({ from, text });
}

function inviteCode(replies: readonly Outgoing[]): string {
  const code = /([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(replies.map((r) => r.text).join('\n'))?.[1];
  if (code === undefined) throw new Error(`no invite code in: ${replies.map((r) => r.text).join(' | ')}`);
  return code;
}

describe('staff roles', () => {
  it('staff commands give a non-staff user exactly the unknown-command answer (nothing revealed)', async () => {
    const app = createTestApp({ admins: [ADMIN] });
    const unknown = await say(app, STRANGER, '/khongcolenhnay');
    for (const command of ['/stats', '/stats 2026-Q4', '/export quarterly 2026-Q4 xlsx', '/export candidates csv', '/invite', '/referrer add Chi đoàn', '/referrer list', '/staff', '/mylink', '/mystats', '/remind on']) {
      const answer = await say(app, STRANGER, command);
      expect(answer, command).toEqual(unknown);
      expect(answer.some((m) => m.attachment !== undefined)).toBe(false);
    }
    // Typed as words, stats stay hidden too: the answer is the ordinary "not understood".
    const words = await say(app, STRANGER, 'cho xem thống kê báo cáo quý này');
    expect(words.map((m) => m.text).join('\n')).not.toMatch(/Thống kê|lượt kiểm tra/);
    app.close();
  });

  it('an invite code works once: the member joins and sees stats; a second use is refused', async () => {
    const app = createTestApp({ admins: [ADMIN] });
    const invite = await say(app, ADMIN, '/invite Kiến An');
    expect(invite[0]?.text).toMatch(/Phường Kiến An/);
    const code = inviteCode(invite);
    expect((await say(app, MEMBER, `/join ${code.toLowerCase().replace(/-/g, ' ')}`))[0]?.text).toMatch(/Chào mừng.*Phường Kiến An/s);
    expect((await say(app, MEMBER, '/stats'))[0]?.text).toMatch(/^Thống kê Quý IV\/2026/);
    expect((await say(app, STRANGER, `/join ${code}`))[0]?.text).toMatch(/không dùng được/);
    expect((await say(app, MEMBER, `/join ${code}`))[0]?.text).toMatch(/đã là thành viên/);
    const changes = app.store.db.prepare('SELECT actor, subject, change, role, via, at FROM role_changes').all();
    expect(changes).toEqual([{ actor: ADMIN, subject: MEMBER, change: 'grant', role: 'team', via: 'invite', at: '2026-11-23T02:00:00.000Z' }]);
    // Only a hash of the code is stored.
    const stored = JSON.stringify(app.store.db.prepare('SELECT * FROM invites').all());
    expect(stored).not.toContain(code.replace(/-/g, ''));
    expect(stored).not.toContain(code);
    app.close();
  });

  it('invite codes are random and expire after INVITE_DAYS', async () => {
    const app = createTestApp({ admins: [ADMIN] });
    const codes = new Set<string>();
    for (let i = 0; i < 20; i++) codes.add(inviteCode(await say(app, ADMIN, '/invite')));
    expect(codes.size).toBe(20);
    const code = [...codes][0] ?? '';
    app.clock.advanceDays(8);
    expect((await say(app, MEMBER, `/join ${code}`))[0]?.text).toMatch(/không dùng được/);
    app.close();
  });

  it('five wrong /join codes in an hour block /join for an hour, even with a right code', async () => {
    const app = createTestApp({ admins: [ADMIN] });
    const code = inviteCode(await say(app, ADMIN, '/invite'));
    for (let i = 1; i <= 4; i++) {
      expect((await say(app, STRANGER, `/join WRONG-CODE-000${i}`))[0]?.text).toMatch(new RegExp(`Còn ${5 - i} lần thử`));
      app.clock.set(new Date(app.clock.now().getTime() + 60_000).toISOString());
    }
    expect((await say(app, STRANGER, '/join WRONG-CODE-0005'))[0]?.text).toMatch(/tạm khóa đến 10:04 23\/11\/2026/);
    expect((await say(app, STRANGER, `/join ${code}`))[0]?.text).toMatch(/tạm khóa/);
    expect(app.staff.store.rolesOf(STRANGER)).toEqual([]);
    app.clock.set(new Date(app.clock.now().getTime() + 61 * 60_000).toISOString());
    expect((await say(app, STRANGER, `/join ${code}`))[0]?.text).toMatch(/Chào mừng/);
    app.close();
  });

  it('wrong codes spread over more than an hour never block', async () => {
    const app = createTestApp({ admins: [ADMIN] });
    for (let i = 0; i < 8; i++) {
      expect((await say(app, STRANGER, '/join NOPE-NOPE-NOPE'))[0]?.text).toMatch(/không dùng được/);
      app.clock.set(new Date(app.clock.now().getTime() + 16 * 60_000).toISOString());
    }
    app.close();
  });

  it('an admin lists and removes members; the removal is recorded', async () => {
    const app = createTestApp({ admins: [ADMIN] });
    await say(app, MEMBER, `/join ${inviteCode(await say(app, ADMIN, '/invite'))}`);
    expect((await say(app, ADMIN, '/staff'))[0]?.text).toContain(MEMBER);
    expect((await say(app, ADMIN, `/staff remove ${MEMBER}`))[0]?.text).toMatch(/Đã bỏ quyền/);
    const unknown = await say(app, STRANGER, '/khongcolenhnay');
    expect(await say(app, MEMBER, '/stats')).toEqual(unknown);
    expect(app.store.db.prepare("SELECT change, actor FROM role_changes WHERE change = 'revoke'").all()).toEqual([{ change: 'revoke', actor: ADMIN }]);
    app.close();
  });

  it('team members opt in to the quarterly reminder; others cannot', async () => {
    const app = createTestApp({ admins: [ADMIN] });
    await say(app, MEMBER, `/join ${inviteCode(await say(app, ADMIN, '/invite'))}`);
    expect((await say(app, MEMBER, '/remind on'))[0]?.text).toMatch(/07\/12\/2026.*10\/12\/2026/);
    expect(await app.staff.store.reminderRecipients('2026-Q4')).toEqual([{ address: MEMBER, locale: 'vi' }]);
    expect((await say(app, MEMBER, '/remind off'))[0]?.text).toMatch(/Đã tắt/);
    expect(await app.staff.store.reminderRecipients('2026-Q4')).toEqual([]);
    app.close();
  });
});
