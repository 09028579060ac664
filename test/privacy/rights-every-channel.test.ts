import { describe, expect, it } from 'vitest';
import { exportChecks } from '../../src/cli/commands/export.js';
import type { Address } from '../../src/core/message.js';
import { asksToWithdraw } from '../../src/core/features/privacy/privacy.js';
import { openedApps, type createTestApp, type TestApp } from '../support/app.js';
import { seedReferrers } from '../support/referrers.js';
import { chatUser, type ChatUser } from './chat-user.js';

let app: TestApp;
const apps = openedApps();
function start(options: Parameters<typeof createTestApp>[0] = {}): TestApp {
  app = apps.start(options);
  return app;
}

const ADDRESSES: readonly Address[] = ['telegram:100200300', 'zalo:8812345', 'console:lan'];

async function consentedCheck(user: ChatUser): Promise<void> {
  seedReferrers(app.store.db, 'DTN_KIENAN_07');
  await user.send('/start DTN_KIENAN_07');
  expect(await user.send('tôi 20 tuổi, có được id.vn không')).toMatch(/Bạn có đồng ý/);
  expect(await user.press('Đồng ý lưu')).toMatch(/đã lưu kết quả/);
}

/** Everything staff can take out of the store: every check, the counts, and both export formats. */
async function staffView(): Promise<string> {
  const checks = await app.store.records.listChecks();
  return [JSON.stringify(checks), JSON.stringify(await app.store.records.countChecks()), exportChecks(checks, 'json'), exportChecks(checks, 'csv')].join('\n');
}

describe.each(ADDRESSES)('rights in the chat on %s', (address) => {
  it('/privacy says what is stored, why, how long and how to see, withdraw or delete', async () => {
    start();
    const user = chatUser(app, address);
    const text = await user.send('/privacy');
    expect(text).toMatch(/không bao giờ lưu ngày sinh, số căn cước, số điện thoại/);
    expect(text).toMatch(/730 ngày/);
    expect(text).toMatch(/\/mydata/);
    expect(text).toMatch(/\/withdraw/);
    expect(text).toMatch(/\/deletedata/);
    expect(user.labels()).toEqual(['Xem dữ liệu của tôi', 'Xóa dữ liệu của tôi', 'Về menu chính']);
  });

  it('/mydata shows the stored person and checks; /deletedata erases the person and keeps anonymous counts', async () => {
    start();
    const user = chatUser(app, address);
    await consentedCheck(user);
    const mine = await user.send('/mydata');
    expect(mine).toContain(address);
    expect(mine).toMatch(/id\.vn — đủ điều kiện/);
    expect(await user.send('/deletedata')).toMatch(/chắc chắn muốn xóa/);
    expect(await user.press('Xóa dữ liệu')).toMatch(/đã xóa dữ liệu/);
    expect(await app.store.records.getPerson(address)).toBeUndefined();
    expect(await app.store.records.checksOf(address)).toEqual([]);
    expect(await app.store.records.listChecks()).toEqual([expect.objectContaining({ address: null, outcome: 'eligible' })]);
    expect(await user.send('/mydata')).toMatch(/không lưu thông tin cá nhân nào/);
  });

  it('/withdraw asks once, then withdraws consent: person gone, checks anonymous, nothing of them in staff exports', async () => {
    start();
    const other = chatUser(app, 'zalo:keeps-consent');
    await consentedCheck(other);
    const user = chatUser(app, address);
    await consentedCheck(user);
    await user.send('/privacy');
    expect(user.labels()).toContain('Rút lại đồng ý');
    expect(await user.press('Rút lại đồng ý')).toMatch(/rút lại sự đồng ý/);
    expect(await user.press('Rút lại và xóa')).toMatch(/không còn đồng ý lưu/);

    expect(await app.store.records.getPerson(address)).toBeUndefined();
    expect(await app.store.records.checksOf(address)).toEqual([]);
    const view = await staffView();
    expect(view).not.toContain(address);
    expect(await app.store.records.countChecks()).toEqual([{ track: 'id.vn', outcome: 'eligible', count: 2 }]);
    // The other person is untouched.
    expect(await app.store.records.getPerson('zalo:keeps-consent')).toMatchObject({ consent: 'granted' });
    expect(view).toContain('zalo:keeps-consent'); // proves staffView would show an address if one were there

    // Consent is asked again before anything new is stored.
    expect(await user.send('tôi 19 tuổi')).toMatch(/Bạn có đồng ý/);
  });

  it('typing "rút lại đồng ý" asks to confirm; "Giữ lại" keeps everything', async () => {
    start();
    const user = chatUser(app, address);
    await consentedCheck(user);
    expect(await user.send('cho mình rút lại sự đồng ý nhé')).toMatch(/rút lại sự đồng ý lưu dữ liệu/);
    expect(await user.press('Giữ lại')).toMatch(/giữ nguyên dữ liệu/);
    expect(await app.store.records.getPerson(address)).toMatchObject({ consent: 'granted' });
    expect(await app.store.records.checksOf(address)).toHaveLength(1);
  });
});

describe('consent withdrawal details', () => {
  it('withdrawing while the consent question is open still counts the check anonymously', async () => {
    start();
    const user = chatUser(app, 'telegram:42424242');
    await user.send('tôi 20 tuổi');
    expect(await user.send('/withdraw')).toMatch(/rút lại sự đồng ý/);
    await user.send('có');
    expect(await app.store.records.getPerson(user.address)).toBeUndefined();
    expect(await app.store.records.listChecks()).toEqual([expect.objectContaining({ address: null, outcome: 'eligible' })]);
  });

  it('/withdraw works in English too', async () => {
    start();
    const user = chatUser(app, 'telegram:777');
    await user.send('/lang en');
    expect(await user.send('I want to withdraw my consent')).toMatch(/withdraw your consent/);
    expect(user.labels()).toEqual(['Withdraw and delete', 'Keep it']);
  });

  it.each([
    ['rút lại đồng ý', true],
    ['rut lai dong y', true],
    ['hủy sự đồng ý', true],
    ['thu hồi đồng ý', true],
    ['ngừng đồng ý lưu dữ liệu', true],
    ['please revoke my consent', true],
    ['bố mẹ em đồng ý rồi', false],
    ['có, mình đồng ý', false],
    ['không đồng ý', false],
    ['rút tiền', false],
  ] as const)('asksToWithdraw(%j) is %s', (typed, expected) => {
    expect(asksToWithdraw(typed)).toBe(expected);
  });
});

describe('after withdrawal the person is in no table at all', () => {
  /** Tables with a row mentioning `needle` anywhere (every table, including ones added by later migrations). */
  function tablesMentioning(needle: string): string[] {
    const tables = app.store.db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all();
    return tables.filter((table) => app.store.db.prepare<[], Record<string, unknown>>(`SELECT * FROM "${table}"`).all().some((row) => JSON.stringify(row).includes(needle)));
  }

  it.each(['/withdraw', '/deletedata'])('%s: reminders, news opt-in, registrations and checks lose the address; broadcasts cannot reach them', async (command) => {
    start();
    const address: Address = 'zalo:hoa-2004';
    const user = chatUser(app, address);
    await consentedCheck(user);
    if (user.labels().includes('Nhắc mình + nhận tin mới')) await user.press('Nhắc mình + nhận tin mới');
    await user.send('mình đã đăng ký tên miền nguyenthihoa.id.vn rồi nhé');
    const before = tablesMentioning(address);
    expect(before).toEqual(expect.arrayContaining(['people', 'checks', 'sessions']));

    await user.send(command);
    await user.press(/^(Rút lại và xóa|Xóa dữ liệu)$/);

    // Issue #18: not even a fresh conversation row is written back; the next message starts one.
    expect(tablesMentioning(address)).toEqual([]);
    expect(app.store.db.prepare('SELECT count(*) FROM sessions WHERE address = ?').pluck().get(address)).toBe(0);
    expect(tablesMentioning('nguyenthihoa')).toEqual([]);
    expect(await staffView()).not.toContain(address);
    expect(await app.store.records.countChecks()).toEqual([{ track: 'id.vn', outcome: 'eligible', count: 1 }]);
  });
});
