/**
 * Renewal in the staff's numbers (issue #22): /stats and the quarterly
 * report show "sắp hết miễn phí" (free periods ending next quarter) and "đã
 * gia hạn" (renewals reported in the period) per track and locality;
 * `export --report renewals --quarter 2027-Q1 --format csv|xlsx` lists the
 * consented people whose free period ends in that quarter — parsed back here.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Address } from '../../src/core/message.js';
import { exportReport, quarterStats, type ReportCliDeps } from '../../src/cli/commands/reports.js';
import { loadProgram } from '../../src/data.js';
import { openStore } from '../../src/storage/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { runCli, tempDatabase } from '../support/run-cli.js';
import { parseCsv, rowStarting, sheetNames, xlsxRows } from '../support/xlsx.js';

const ADMIN: Address = 'telegram:900';
const T = '2026-11-01T03:00:00.000Z';

/** Q4 2026 is "now": the next quarter is Q1 2027. */
function seed(db: ReturnType<typeof openStore>['db']): void {
  const person = db.prepare('INSERT INTO people (address, locale, consent, consent_at, referrer, locality, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  person.run('zalo:1', 'vi', 'granted', T, null, 'Kiến An', T, T);
  person.run('telegram:2', 'vi', 'granted', T, null, null, T, T);
  person.run('zalo:3', 'vi', 'declined', T, null, 'Kiến An', T, T);
  const reg = db.prepare('INSERT INTO registrations (address, channel, track, domain, referrer, locality, source, created_at, free_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  reg.run('zalo:1', 'zalo', 'id.vn', 'hoten.id.vn', null, 'Kiến An', 'person', '2025-01-10T03:00:00.000Z', '2027-01-10');
  reg.run('telegram:2', 'telegram', 'biz.vn', 'shop.biz.vn', null, null, 'staff', '2025-03-31T03:00:00.000Z', '2027-03-31');
  reg.run(null, 'zalo', 'id.vn', null, null, 'Kiến An', 'person', '2025-02-01T03:00:00.000Z', '2027-02-01');
  reg.run('zalo:3', 'zalo', 'id.vn', 'khac.id.vn', null, 'Kiến An', 'person', '2025-02-02T03:00:00.000Z', '2027-02-02'); // consent withdrawn since: counted, not listed
  reg.run('zalo:1', 'zalo', 'biz.vn', 'later.biz.vn', null, 'Kiến An', 'person', '2025-04-01T03:00:00.000Z', '2027-04-01'); // Q2 2027
  const renewed = db.prepare('INSERT INTO renewals (address, channel, track, locality, created_at) VALUES (?, ?, ?, ?, ?)');
  renewed.run('zalo:1', 'zalo', 'id.vn', 'Kiến An', '2026-11-20T03:00:00.000Z');
  renewed.run(null, 'telegram', 'biz.vn', null, '2026-10-05T03:00:00.000Z');
  renewed.run(null, 'zalo', 'id.vn', 'Kiến An', '2026-09-30T03:00:00.000Z'); // Q3
  db.prepare("INSERT INTO followups (address, kind, track, deadline, due_at, created_at) VALUES ('telegram:2', 'renewal', 'biz.vn', '2027-03-31', '2027-03-24T02:00:00.000Z', ?)").run(T);
}

function cliDeps(app: TestApp): ReportCliDeps {
  return { staff: app.staff, records: app.store.records, program: loadProgram(), clock: app.clock, label: (t) => app.i18n.t('vi', t.key, t.params) };
}

const text = (data: Uint8Array): string => new TextDecoder().decode(data);

describe('renewals in the staff reports', () => {
  it('/stats and stats --quarter: free periods ending next quarter and renewals reported, per track and locality', async () => {
    const app = createTestApp({ admins: [ADMIN] });
    seed(app.store.db);
    const out = await app.replies({ from: ADMIN, text: '/stats 2026-Q4' });
    const body = out[0]?.text ?? '';
    expect(body).toMatch(/^Thống kê Quý IV\/2026/);
    expect(body).toContain('Gia hạn tên miền (sau thời gian miễn phí)');
    expect(body).toContain('Sắp hết miễn phí trong Quý I/2027');
    expect(body).toMatch(/\(chưa rõ\)\s+0\s+1\s+1\n/);
    expect(body).toMatch(/Kiến An\s+3\s+0\s+3\n/);
    expect(body).toMatch(/Tổng cộng\s+3\s+1\s+4\n/);
    expect(body).toContain('Đã gia hạn (báo từ 01/10/2026 đến 31/12/2026)');
    expect(body).toMatch(/Đã gia hạn[^\n]*\n.*\n\(chưa rõ\)\s+0\s+1\s+1\nKiến An\s+1\s+0\s+1\nTổng cộng\s+1\s+1\s+2$/);
    expect(await quarterStats('2026-Q4', cliDeps(app))).toContain(body.slice(body.indexOf('Gia hạn tên miền')));
    app.close();
  });

  it('the quarterly report gains a "Gia hạn" sheet; XLSX and CSV carry the same counts', async () => {
    const app = createTestApp();
    seed(app.store.db);
    const xlsx = await exportReport({ report: 'quarterly', quarter: '2026-Q4', format: 'xlsx' }, cliDeps(app));
    expect(await sheetNames(xlsx.data)).toContain('Gia hạn');
    const rows = await xlsxRows(xlsx.data, 'Gia hạn');
    const ending = rows.findIndex((r) => r[0] === 'Sắp hết miễn phí trong Quý I/2027');
    const renewed = rows.findIndex((r) => r[0] === 'Đã gia hạn (báo từ 01/10/2026 đến 31/12/2026)');
    expect(rows[ending + 1]).toEqual(['Phường/xã', 'id.vn', 'biz.vn', 'Tổng cộng']);
    expect(rows.slice(ending + 2, ending + 5)).toEqual([['(chưa rõ)', 0, 1, 1], ['Kiến An', 3, 0, 3], ['Tổng cộng', 3, 1, 4]]);
    expect(rows.slice(renewed + 2, renewed + 5)).toEqual([['(chưa rõ)', 0, 1, 1], ['Kiến An', 1, 0, 1], ['Tổng cộng', 1, 1, 2]]);
    const csv = parseCsv(text((await exportReport({ report: 'quarterly', quarter: '2026-Q4', format: 'csv' }, cliDeps(app))).data));
    const at = csv.findIndex((r) => r[0] === 'Sắp hết miễn phí trong Quý I/2027');
    expect(csv.slice(at + 2, at + 5)).toEqual([['(chưa rõ)', '0', '1', '1'], ['Kiến An', '3', '0', '3'], ['Tổng cộng', '3', '1', '4']]);
    app.close();
  });

  it('export --report renewals --quarter 2027-Q1: counts, then consented people only (no birth dates), as XLSX and CSV', async () => {
    const app = createTestApp();
    seed(app.store.db);
    const xlsx = await exportReport({ report: 'renewals', quarter: '2027-Q1', format: 'xlsx' }, cliDeps(app));
    expect(xlsx.name).toBe('gia-han-2027-Q1.xlsx');
    expect(await sheetNames(xlsx.data)).toEqual(['Tổng hợp', 'Danh sách']);
    const summary = await xlsxRows(xlsx.data, 'Tổng hợp');
    expect(summary[0]).toEqual(['Tên miền hết thời gian miễn phí trong Quý I/2027']);
    expect(rowStarting(summary, 'Tổng cộng')).toEqual(['Tổng cộng', 3, 1, 4]);
    const list = await xlsxRows(xlsx.data, 'Danh sách');
    const header = list.findIndex((r) => r[0] === 'STT');
    expect(list[header]).toEqual(['STT', 'Liên hệ (địa chỉ chat)', 'Kênh', 'Chương trình', 'Tên miền', 'Phường/xã', 'Miễn phí đến hết ngày', 'Đã hẹn nhắc gia hạn', 'Ngày báo đã gia hạn']);
    expect(list.slice(header + 1)).toEqual([
      [1, 'zalo:1', 'zalo', 'id.vn', 'hoten.id.vn', 'Kiến An', '10/01/2027', 'Không', '20/11/2026'],
      [2, 'telegram:2', 'telegram', 'biz.vn', 'shop.biz.vn', undefined, '31/03/2027', 'Có'], // empty cells at the end are not stored
    ]);

    const csv = parseCsv(text((await exportReport({ report: 'renewals', quarter: '2027-Q1', format: 'csv' }, cliDeps(app))).data));
    const csvHeader = csv.findIndex((r) => r[0] === 'STT');
    expect(csv.slice(csvHeader + 1).filter((r) => r.length > 1).map((r) => r.slice(1, 5))).toEqual([
      ['zalo:1', 'zalo', 'id.vn', 'hoten.id.vn'],
      ['telegram:2', 'telegram', 'biz.vn', 'shop.biz.vn'],
    ]);
    const all = csv.flat().join(' ');
    expect(all).not.toMatch(/zalo:3|khac\.id\.vn|later\.biz\.vn/);
    // The summary counts every registration ending in the quarter, the consented or not.
    expect(csv.find((r) => r[0] === 'Tổng cộng')).toEqual(['Tổng cộng', '3', '1', '4']);
    app.close();
  });

  it('the CLI contract: npm run cli -- export --report renewals --quarter 2027-Q1 --format csv; a bad --report names the choices', async () => {
    const file = tempDatabase();
    const store = openStore(file);
    seed(store.db);
    store.close();
    const out = await runCli(['export', '--report', 'renewals', '--quarter', '2027-Q1', '--format', 'csv'], '', { DATABASE_PATH: file });
    expect(out.code, out.stderr).toBe(0);
    const rows = parseCsv(out.stdout);
    expect(rows[0]).toEqual(['Tên miền hết thời gian miễn phí trong Quý I/2027']);
    expect(rows.filter((r) => r[1] === 'zalo:1' || r[1] === 'telegram:2')).toHaveLength(2);
    writeFileSync(`${file}.csv`, out.stdout);
    const bad = await exportReport({ report: 'expiries', format: 'csv' }, cliDeps(createTestApp())).catch((error: Error) => error.message);
    expect(bad).toMatch(/--report quarterly, --report candidates or --report renewals/);
  }, 60_000);
});
