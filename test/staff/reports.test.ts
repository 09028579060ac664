/**
 * Stats in chat and report exports (issue #7) over a seeded quarter: the
 * numbers in the text, the chart PNG, the XLSX and the CSV all agree.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Address, Outgoing } from '../../src/core/message.js';
import type { CheckRecord } from '../../src/core/ports.js';
import { insertChecks } from '../../src/storage/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { conversation } from '../support/conversation.js';
import { parseCsv, rowStarting, xlsxRows } from '../support/xlsx.js';

const ADMIN: Address = 'telegram:1001';

function check(createdAt: string, over: Partial<CheckRecord>): CheckRecord {
  return { address: null, channel: 'telegram', track: 'id.vn', outcome: 'eligible', reason: 'idvn_age_in_range', referrer: null, locality: null, createdAt, ...over };
}

/** Q4 2026 (Vietnam time): 13 checks, 10 eligible (two on the quarter's edges); 3 outside that must not count. */
function seedQuarter(app: TestApp): void {
  const q4 = '2026-10-15T03:00:00.000Z';
  insertChecks(app.store.db, [
    ...Array.from({ length: 3 }, () => check(q4, { referrer: 'REF1', locality: 'Phường Kiến An' })),
    ...Array.from({ length: 2 }, () => check('2026-11-02T03:00:00.000Z', { channel: 'zalo', referrer: 'REF1' })),
    ...Array.from({ length: 2 }, () => check('2026-11-20T03:00:00.000Z', { channel: 'console', outcome: 'not_eligible', reason: 'idvn_over_23' })),
    ...Array.from({ length: 4 }, (_, i) => check('2026-12-01T03:00:00.000Z', { channel: 'zalo', track: 'biz.vn', reason: 'bizvn_household_certified', locality: i < 2 ? 'Xã Kiến Thụy' : null })),
    check('2026-12-31T16:59:59.999Z', { track: 'biz.vn', outcome: 'undetermined', reason: 'bizvn_household_no_certificate' }),
    check('2026-09-30T17:00:00.000Z', { channel: 'zalo' }),
    check('2026-09-30T16:59:59.999Z', {}),
    check('2026-08-01T03:00:00.000Z', {}),
    check('2027-01-01T00:00:00.000Z', {}),
  ]);
}

function all(replies: readonly Outgoing[]): string {
  return replies.map((r) => r.text).join('\n');
}

function pngSize(data: Uint8Array): { width: number; height: number } {
  const bytes = Buffer.from(data);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function findSoffice(): string {
  try {
    return execFileSync('which', ['soffice'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}
const SOFFICE = findSoffice();

describe('stats in chat', () => {
  it('/stats 2026-Q4 counts the quarter only (Vietnam days), with every breakdown and a 960×540 chart PNG', async () => {
    const app = createTestApp({ admins: [ADMIN] });
    seedQuarter(app);
    await app.staff.store.addReferrer({ label: 'Chi đoàn Kiến An', address: null, by: 'cli', via: 'cli', now: app.clock.now(), code: 'REF1' });
    const out = await app.replies({ from: ADMIN, text: '/stats 2026-Q4' });
    const body = out[0]?.text ?? '';
    expect(body).toMatch(/^Thống kê Quý IV\/2026 \(01\/10\/2026–31\/12\/2026\)/);
    expect(body).toContain('Tổng: 13 lượt kiểm tra, 10 lượt đủ điều kiện.');
    expect(body).toMatch(/id\.vn\s+8\s+6\s+2\s+0/);
    expect(body).toMatch(/biz\.vn\s+5\s+4\s+0\s+1/);
    expect(body).toMatch(/Phường Kiến An\s+3\s+3/);
    expect(body).toMatch(/Chi đoàn Kiến An\s+5\s+5/);
    expect(body).toMatch(/zalo\s+7\s+7/);
    expect(body).toMatch(/Quá 23 tuổi\s+2/);
    const chart = out[1]?.attachment;
    expect(chart).toMatchObject({ kind: 'image', mime: 'image/png' });
    expect(pngSize(chart?.data ?? new Uint8Array())).toEqual({ width: 960, height: 540 });
    app.close();
  });

  it('/stats week, month and a date range; nonsense gets the usage', async () => {
    const app = createTestApp({ admins: [ADMIN] });
    seedQuarter(app);
    expect(all(await app.replies({ from: ADMIN, text: '/stats 2026-11-01 2026-11-30' }))).toContain('Tổng: 4 lượt kiểm tra, 2 lượt đủ điều kiện.');
    expect(all(await app.replies({ from: ADMIN, text: '/stats month' }))).toContain('Tổng: 4 lượt kiểm tra');
    expect(all(await app.replies({ from: ADMIN, text: '/stats week' }))).toContain('Tổng: 0 lượt kiểm tra');
    expect(all(await app.replies({ from: ADMIN, text: '/stats hôm kia' }))).toMatch(/Cách dùng: \/stats/);
    app.close();
  });
});

describe('exports', () => {
  it('the quarterly report has the right numbers and the ward plan’s headings, and XLSX and CSV agree', async () => {
    const app = createTestApp({ admins: [ADMIN] });
    seedQuarter(app);
    const xlsx = (await app.replies({ from: ADMIN, text: '/export quarterly 2026-Q4 xlsx' }))[0]?.attachment;
    expect(xlsx).toMatchObject({ kind: 'file', name: 'bao-cao-quy-2026-Q4.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const csv = (await app.replies({ from: ADMIN, text: '/export quarterly 2026-Q4 csv' }))[0]?.attachment;
    expect(csv?.name).toBe('bao-cao-quy-2026-Q4.csv');

    const sheet = await xlsxRows(xlsx?.data ?? new Uint8Array(), 'Báo cáo quý');
    const csvRows = parseCsv(new TextDecoder().decode(csv?.data));
    expect(sheet.flat()).toContain('I. Kết quả, số lượng đăng ký thực hiện');
    expect(csvRows.flat()).toContain('I. Kết quả, số lượng đăng ký thực hiện');
    expect(String(sheet[0]?.[0])).toMatch(/^BÁO CÁO KẾT QUẢ .*Quý IV\/2026/);
    expect(sheet.flat()).toContain('Hạn nộp: trước ngày 10/12/2026 (Kế hoạch phường, mục IV: hàng quý, trước ngày 10 tháng cuối quý)');

    const expected: [RegExp, number[]][] = [
      [/^id\.vn/, [8, 6, 2, 0]],
      [/^biz\.vn/, [5, 4, 0, 1]],
      [/^Tổng cộng/, [13, 10, 2, 1]],
    ];
    for (const [first, numbers] of expected) {
      expect(rowStarting(sheet, first).slice(1, 5)).toEqual(numbers);
      expect(rowStarting(csvRows, first).slice(1, 5).map(Number)).toEqual(numbers);
    }
    // Registrations: the hook is wired, none recorded yet.
    expect(rowStarting(sheet, /^id\.vn/)[5]).toBe(0);
    // Progress: cumulative since the program start; province id.vn target 80.
    expect(rowStarting(sheet, /^Tỉnh: trong đó/).slice(1, 3)).toEqual([80, 8]);
    expect(rowStarting(csvRows, /^Tỉnh: trong đó/)[4]).toBe('10.0%');

    const localities = await xlsxRows(xlsx?.data ?? new Uint8Array(), 'Theo phường, xã');
    expect(rowStarting(localities, 'Phường Kiến An').slice(1)).toEqual([3, 3, 0, 3]);
    expect(rowStarting(localities, 'Xã Kiến Thụy').slice(1)).toEqual([2, 0, 2, 2]);
    const referrers = await xlsxRows(xlsx?.data ?? new Uint8Array(), 'Theo người giới thiệu');
    expect(rowStarting(referrers, 'REF1').slice(2)).toEqual([5, 5, 0, 5]);
    app.close();
  });

  // Shown as skipped where LibreOffice is not installed (as here); the exceljs read-back above is the check then.
  it.skipIf(SOFFICE === '')('the XLSX opens in LibreOffice without repair', async () => {
    const soffice = SOFFICE;
    const app = createTestApp({ admins: [ADMIN] });
    seedQuarter(app);
    const xlsx = (await app.replies({ from: ADMIN, text: '/export quarterly 2026-Q4 xlsx' }))[0]?.attachment;
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-'));
    writeFileSync(join(dir, 'r.xlsx'), xlsx?.data ?? new Uint8Array());
    execFileSync(soffice, ['--headless', '--convert-to', 'csv', '--outdir', dir, join(dir, 'r.xlsx')], { timeout: 60_000 });
    expect(existsSync(join(dir, 'r.csv'))).toBe(true);
    expect(readFileSync(join(dir, 'r.csv'), 'utf8')).toContain('BÁO CÁO');
    app.close();
  });

  it('the candidate list has only consented, eligible people: address and locality, no birth date; deleted people are gone', async () => {
    const app = createTestApp({ admins: [ADMIN] });
    const lan = conversation({ app, user: 'lan' });
    await lan.user('em sinh 15/3/2006');
    await lan.choose('Đồng ý lưu');
    await lan.user('Kiến An');
    const shop = conversation({ app, user: 'shop' });
    await shop.user('hộ kinh doanh có giấy phép rồi');
    await shop.choose('Đồng ý lưu');
    await shop.choose('Không cần');
    const declined = conversation({ app, user: 'khoa' });
    await declined.user('em sinh 02/02/2005');
    await declined.choose('Không lưu');
    const gone = conversation({ app, user: 'mai' });
    await gone.user('em sinh 01/01/2004');
    await gone.choose('Đồng ý lưu');
    await gone.user('/deletedata');
    await gone.choose(/^Xóa/);
    const old = conversation({ app, user: 'tuan' });
    await old.user('em 30 tuổi');
    await old.choose('Đồng ý lưu');

    const out = await app.replies({ from: ADMIN, text: '/export candidates xlsx' });
    const file = out[0]?.attachment;
    expect(file?.name).toBe('danh-sach-de-xuat.xlsx');
    const idvn = await xlsxRows(file?.data ?? new Uint8Array(), 'id.vn');
    const bizvn = await xlsxRows(file?.data ?? new Uint8Array(), 'biz.vn');
    expect(String(idvn[0]?.[0])).toBe('DANH SÁCH ĐỀ XUẤT THAM GIA CHƯƠNG TRÌNH');
    const people = (rows: unknown[][]) => rows.filter((r) => typeof r[0] === 'number').map((r) => r.slice(1, 5));
    expect(people(idvn)).toEqual([['console:lan', 'console', 'Phường Kiến An', 'Từ đủ 18 đến 23 tuổi']]);
    expect(people(bizvn)).toEqual([['console:shop', 'console', undefined, 'Hộ kinh doanh có giấy chứng nhận']]);
    const text = JSON.stringify([idvn, bizvn]);
    for (const leak of ['2006', '15/03', 'khoa', 'mai', 'tuan']) expect(text).not.toContain(leak);

    const csv = (await app.replies({ from: ADMIN, text: '/export candidates csv' }))[0]?.attachment;
    const rows = parseCsv(new TextDecoder().decode(csv?.data));
    expect(rows.filter((r) => /^\d+$/.test(r[0] ?? '')).map((r) => r[1])).toEqual(['console:shop', 'console:lan']);
    app.close();
  });
});
