/**
 * Referral links (issue #7): a referrer's Telegram deep link, Zalo text and
 * QR code; users brought by a known code are counted under it; unknown codes
 * are ignored without a word.
 */
import { describe, expect, it } from 'vitest';
import { linkReplies, type StaffAnswerContext } from '../../src/core/features/staff/staff-answers.js';
import type { Address, Text } from '../../src/core/message.js';
import { loadProgram } from '../../src/data.js';
import { loadLocalities } from '../../src/localities.js';
import { createStaffServices } from '../../src/staff-services.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { conversation } from '../support/conversation.js';

const ADMIN: Address = 'telegram:1001';
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function member(app: TestApp, address: Address): Promise<void> {
  const invite = await app.replies({ from: ADMIN, text: '/invite' });
  const code = /([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(invite[0]?.text ?? '')?.[1] ?? '';
  await app.replies({ from: address, text: `/join ${code}` });
}

describe('referral links', () => {
  it('a team member registers as referrer and gets the t.me deep link, the Zalo text and a QR code PNG', async () => {
    const app = createTestApp({ admins: [ADMIN] });
    await member(app, 'telegram:2001');
    const out = await app.replies({ from: 'telegram:2001', text: '/referrer me Đoàn viên Lan' });
    const code = /Mã giới thiệu của bạn: ([A-Z2-9]{7}[2-9])/.exec(out[0]?.text ?? '')?.[1];
    expect(code).toBeDefined();
    expect(out[1]?.text).toContain(`https://t.me/TenMienVnBot?start=${code}`);
    expect(out[1]?.text).toContain(`Nhắn cho trợ lý trên Zalo: ma GT: ${code}`);
    const qr = out[2]?.attachment;
    expect(qr).toMatchObject({ kind: 'image', mime: 'image/png', name: `ma-gioi-thieu-${code}.png` });
    expect([...(qr?.data.slice(0, 8) ?? [])]).toEqual(PNG);
    // Asking again gives the same code; /mylink and the share_link intent show it too.
    expect((await app.replies({ from: 'telegram:2001', text: '/referrer me' }))[0]?.text).toContain(`Bạn đã có mã giới thiệu: ${code}`);
    expect((await app.replies({ from: 'telegram:2001', text: '/mylink' }))[0]?.text).toContain(code);
    const asked = await app.replies({ from: 'telegram:2001', text: 'cho mình xin link giới thiệu của mình để gửi cho bạn bè' });
    expect(asked.map((m) => m.text).join('\n')).toContain(`start=${code}`);
    expect(app.store.db.prepare("SELECT role, change, via FROM role_changes WHERE role = 'referrer'").all()).toEqual([{ role: 'referrer', change: 'grant', via: 'chat' }]);
    app.close();
  });

  it('a user who came by the link is counted under that referrer: /start CODE → check → /mystats', async () => {
    const app = createTestApp({ admins: [ADMIN] });
    await member(app, 'telegram:2001');
    const link = await app.replies({ from: 'telegram:2001', text: '/referrer me' });
    const code = /start=([A-Z0-9]+)/.exec(link[1]?.text ?? '')?.[1] ?? '';

    const user = conversation({ app, user: 'hoa' });
    await user.user(`/start ${code}`);
    await user.user('em sinh ngày 15/3/2006');
    await user.choose('Đồng ý lưu');
    user.expectBot(/phường\/xã nào/);
    await user.user('Kiến An');
    const anonymous = conversation({ app, user: 'minh' });
    await anonymous.user(`/start ${code.toLowerCase()}`);
    await anonymous.user('hộ kinh doanh có giấy phép rồi');
    await anonymous.choose('Không lưu');
    const elsewhere = conversation({ app, user: 'nam' });
    await elsewhere.user('em 30 tuổi');
    await elsewhere.choose('Không lưu');

    const stats = await app.replies({ from: 'telegram:2001', text: '/mystats' });
    expect(stats[0]?.text).toBe(`Mã giới thiệu ${code}:\n• 2 lượt kiểm tra đến qua mã của bạn\n• 2 lượt đủ điều kiện\n• 1 người đồng ý lưu thông tin`);
    expect(await app.store.records.getPerson(user.address)).toMatchObject({ referrer: code, locality: 'Phường Kiến An' });
    const checks = await app.store.records.listChecks();
    expect(checks.map((c) => [c.referrer, c.locality])).toEqual([[code, 'Phường Kiến An'], [code, null], [null, null]]);
    app.close();
  });

  it('a referral code typed on Zalo ("ma GT: CODE") counts too; an unknown code is ignored gracefully', async () => {
    const app = createTestApp({ admins: [ADMIN] });
    const added = await app.replies({ from: ADMIN, text: '/referrer add Chi đoàn THPT Kiến An' });
    const code = /: ([A-Z2-9]{8})$/.exec(added[0]?.text ?? '')?.[1] ?? '';
    expect(added[1]?.text).toContain(`ma GT: ${code}`);

    await app.replies({ from: 'zalo:84905', text: `ma GT: ${code}` });
    await app.replies({ from: 'zalo:84905', text: 'em 20 tuổi' });
    await app.replies({ from: 'zalo:84905', choice: 'consent:no' });
    const unknown = await app.replies({ from: 'zalo:84906', text: 'ma GT: KHONGCO99' });
    expect(unknown.map((m) => m.text).join('\n')).toMatch(/Xin chào/);
    await app.replies({ from: 'zalo:84906', text: 'em 20 tuổi' });
    await app.replies({ from: 'zalo:84906', choice: 'consent:no' });
    const checks = await app.store.records.listChecks();
    expect(checks.map((c) => c.referrer)).toEqual([code, null]);
    expect(JSON.stringify(app.store.db.prepare('SELECT state FROM sessions').all())).not.toContain('KHONGCO99');
    app.close();
  });

  it('without TELEGRAM_BOT_USERNAME the referrer gets the code and the Zalo text only', async () => {
    const app = createTestApp({ admins: [ADMIN] });
    const services = createStaffServices(app.store.db, { localities: loadLocalities(), inviteDays: 7 });
    const { referrer } = await services.store.addReferrer({ label: 'Chi đoàn', address: 'zalo:9', by: 'cli', via: 'cli', now: app.clock.now() });
    const t = (key: string, params?: Text['params']) => app.i18n.t('vi', key, params);
    const context: StaffAnswerContext = {
      address: 'zalo:9', locale: 'vi', now: app.clock.now(), today: '2026-11-23', data: loadProgram(), services,
      countChecks: () => [], t, tVi: t, warn: () => undefined,
    };
    const rendered = app.i18n.render(await linkReplies(referrer, context, 'staff.link'), 'vi');
    expect(rendered[1]?.text).toContain(`ma GT: ${referrer.code}`);
    expect(rendered.map((m) => m.text).join('\n')).not.toContain('t.me');
    expect(rendered[1]?.text).toContain('TELEGRAM_BOT_USERNAME');
    app.close();
  });
});
