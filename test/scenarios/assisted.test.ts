/**
 * Assisted mode (issue #11): a youth-union member or team member checks for
 * people sitting with them. The person gets no row anywhere; each check is
 * stored without an address, marked assisted, credited to the helper only
 * when the person agreed (said aloud, confirmed by the helper).
 */
import { describe, expect, it } from 'vitest';
import type { Address } from '../../src/core/message.js';
import { exportChecks } from '../../src/cli/commands/export.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { conversation, type Conversation } from '../support/conversation.js';

async function referrerHelper(app: TestApp, user: string, code: string): Promise<Conversation> {
  await app.staff.store.addReferrer({ label: `Đoàn viên ${user}`, address: `console:${user}`, by: 'cli', via: 'cli', now: app.clock.now(), code });
  return conversation({ app, user });
}

async function teamHelper(app: TestApp, user: string): Promise<Conversation> {
  const { code } = await app.staff.store.createInvite('console:admin', null, app.clock.now(), 7);
  expect(await app.staff.store.join(`console:${user}`, code, 'vi', app.clock.now())).toMatchObject({ kind: 'joined' });
  return conversation({ app, user });
}

function peopleRows(app: TestApp): number {
  return app.store.db.prepare<[], number>('SELECT count(*) FROM people').pluck().get() ?? 0;
}

describe('assisted mode', () => {
  it('a youth-union member runs three checks in a row; each is assisted, has no address and is credited only with consent', async () => {
    const app = createTestApp();
    const lan = await referrerHelper(app, 'lan', 'DV_LAN');

    await lan.user('/hotro');
    lan.expectBot(/Chế độ hỗ trợ trực tiếp/);
    lan.expectBot('Người thứ 1').withChoices(['id.vn (công dân trẻ)', 'biz.vn (doanh nghiệp, hộ KD)', 'Thoát chế độ hỗ trợ']);

    // 1: a student of 20 who agrees.
    await lan.choose('id.vn (công dân trẻ)');
    await lan.user('15/3/2006');
    lan.expectBot(/Tóm tắt để gửi người dân:[\s\S]*đủ điều kiện nhận tên miền id\.vn[\s\S]*14\/03\/2030[\s\S]*hiendienonline\.tenmien\.vn/);
    lan.expectBot(/Quy tắc: id\.vn miễn phí cho công dân Việt Nam từ đủ 18 tuổi đến trước sinh nhật 24 tuổi — .*QĐ 507\/QĐ-BKHCN/);
    lan.expectBot('Người dân đã đồng ý cho lưu kết quả chưa?').withChoices(['Đã đồng ý', 'Không đồng ý']);
    await lan.choose('Đã đồng ý');
    lan.expectBot('ghi công cho bạn').withChoices(['Kiểm tra người tiếp theo', 'Thoát chế độ hỗ trợ']);

    // 2: a household business whose owner does not agree (typed, as on Zalo).
    await lan.choose('Kiểm tra người tiếp theo');
    lan.expectBot('Người thứ 2');
    await lan.user('ho kinh doanh co giay chung nhan');
    lan.expectBot(/Tóm tắt[\s\S]*biz\.vn/);
    await lan.user('không');
    lan.expectBot('không ghi công cho ai');

    // 3: a 16-year-old who agrees.
    await lan.choose('Kiểm tra người tiếp theo');
    lan.expectBot('Người thứ 3');
    await lan.user('16 tuổi');
    lan.expectBot(/chưa đủ 18 tuổi/);
    await lan.user('có');
    lan.expectBot('Xong 3 lượt hỗ trợ');
    await lan.choose('Thoát chế độ hỗ trợ');
    lan.expectBot('Đã thoát chế độ hỗ trợ trực tiếp (3 lượt)');

    const checks = await app.store.records.listChecks();
    expect(checks.map(({ track, outcome, address, assisted, referrer, helper }) => ({ track, outcome, address, assisted, referrer, helper }))).toEqual([
      { track: 'id.vn', outcome: 'eligible', address: null, assisted: true, referrer: 'DV_LAN', helper: null },
      { track: 'biz.vn', outcome: 'eligible', address: null, assisted: true, referrer: null, helper: null },
      { track: 'id.vn', outcome: 'not_eligible', address: null, assisted: true, referrer: 'DV_LAN', helper: null },
    ]);
    // Nobody got a person row: not the people helped, not the helper (who never consented for themselves).
    expect(peopleRows(app)).toBe(0);
    expect(await app.store.records.checksOf(lan.address)).toEqual([]);
    // The referrer's own numbers count the checks they were credited with.
    expect(await app.staff.reports.referrerTotals('DV_LAN')).toMatchObject({ checks: 2, eligible: 1 });
    // Back to normal: a check now is the helper's own (the consent question is theirs again).
    await lan.user('tôi 22 tuổi');
    lan.expectBot('Bạn có đồng ý để mình lưu kết quả này không?');
  });

  it('a team member without a referral code is credited by address; the export marks assisted checks', async () => {
    const app = createTestApp();
    const minh = await teamHelper(app, 'minh');
    await minh.user('/hotro');
    await minh.choose('biz.vn (doanh nghiệp, hộ KD)');
    await minh.choose('Doanh nghiệp (công ty)');
    await minh.user('10/01/2026');
    minh.expectBot(/Tóm tắt[\s\S]*10\/01\/2027/);
    await minh.choose('Đã đồng ý');

    const [check] = await app.store.records.listChecks();
    expect(check).toMatchObject({ address: null, assisted: true, referrer: null, helper: 'console:minh', track: 'biz.vn' });
    const csv = exportChecks(await app.store.records.listChecks(), 'csv').split('\r\n');
    expect(csv[0]).toBe('channel,track,outcome,reason,referrer,locality,createdAt,assisted,helper');
    expect(csv[1]).toMatch(/,true,"console:minh"$/); // issue #18: text cells quoted
    // The enterprise's deadline never becomes a follow-up: the person is not in the database.
    expect(app.store.db.prepare('SELECT count(*) AS n FROM followups').get()).toEqual({ n: 0 });

    // A helper who deletes their own data takes their address off the checks they were credited with.
    await minh.user('/deletedata');
    await minh.choose(/^(Xóa dữ liệu|Xóa)/);
    expect(await app.store.records.listChecks()).toEqual([expect.objectContaining({ assisted: true, helper: null })]);
  });

  it('anyone else gets exactly the unknown-command answer for /hotro', async () => {
    const app = createTestApp();
    const person = conversation({ app, user: 'khach' });
    await person.user('/lenhla');
    const unknown = person.text();
    await person.user('/hotro');
    expect(person.text()).toBe(unknown);
    expect(person.text()).not.toMatch(/hỗ trợ trực tiếp/);
  });

  it('leaving before the consent answer counts the check uncredited and ends the mode', async () => {
    const app = createTestApp({ admins: ['console:admin' as Address] });
    const admin = conversation({ app, user: 'admin' });
    await admin.user('/hotro');
    await admin.user('em 19 tuổi');
    admin.expectBot('Người dân đã đồng ý cho lưu kết quả chưa?');
    await admin.user('/menu');
    admin.expectBot('Đã thoát chế độ hỗ trợ trực tiếp');
    expect(await app.store.records.listChecks()).toEqual([expect.objectContaining({ assisted: true, address: null, referrer: null, helper: null })]);
    await admin.user('tôi 30 tuổi');
    expect(await app.store.records.listChecks()).toHaveLength(1); // the admin's own check waits for their own consent
    admin.expectBot('Bạn có đồng ý để mình lưu kết quả này không?');
  });

  it('a new result while the last one waits for consent counts the last one uncredited', async () => {
    const app = createTestApp();
    const lan = await referrerHelper(app, 'lan', 'DV_LAN');
    await lan.user('/hotro');
    await lan.user('20 tuổi');
    await lan.user('25 tuổi');
    await lan.choose('Đã đồng ý');
    const checks = await app.store.records.listChecks();
    expect(checks.map((c) => [c.outcome, c.referrer])).toEqual([
      ['eligible', null],
      ['not_eligible', 'DV_LAN'],
    ]);
  });
});
