/**
 * The staff CLI contracts (issue #7): `stats --quarter`, `export --report
 * quarterly|candidates`, next to the unchanged `export --format json|csv`
 * and `stats`. Run as child processes, as `npm run cli -- …` does.
 */
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/session.js';
import { insertChecks, openStore } from '../../src/storage/index.js';
import { runCli, tempDatabase } from '../support/run-cli.js';
import { arrayBuffer } from '../support/xlsx.js';

function seed(file: string): void {
  const store = openStore<Session>(file);
  insertChecks(store.db, [
    { address: null, channel: 'telegram', track: 'id.vn', outcome: 'eligible', reason: 'idvn_age_in_range', referrer: null, locality: 'Phường Kiến An', createdAt: '2026-10-15T03:00:00.000Z' },
    { address: null, channel: 'zalo', track: 'biz.vn', outcome: 'eligible', reason: 'bizvn_household_certified', referrer: null, locality: null, createdAt: '2026-11-15T03:00:00.000Z' },
    { address: null, channel: 'zalo', track: 'biz.vn', outcome: 'not_eligible', reason: 'bizvn_enterprise_over_year', referrer: null, locality: null, createdAt: '2026-11-16T03:00:00.000Z' },
    { address: null, channel: 'zalo', track: 'id.vn', outcome: 'eligible', reason: 'idvn_age_in_range', referrer: null, locality: null, createdAt: '2026-07-15T03:00:00.000Z' },
  ]);
  store.close();
}

describe('staff CLI', () => {
  it('stats --quarter 2026-Q4 prints the quarter’s breakdowns; stats alone is unchanged', async () => {
    const db = tempDatabase();
    seed(db);
    const quarter = await runCli(['stats', '--quarter', '2026-Q4'], '', { DATABASE_PATH: db });
    expect(quarter.code, quarter.stderr).toBe(0);
    expect(quarter.stdout).toMatch(/^Thống kê Quý IV\/2026/);
    expect(quarter.stdout).toContain('Tổng: 3 lượt kiểm tra, 2 lượt đủ điều kiện.');
    expect(quarter.stdout).toMatch(/Phường Kiến An\s+1\s+1/);
    const plain = await runCli(['stats'], '', { DATABASE_PATH: db });
    expect(plain.stdout).toMatch(/id\.vn\s+2\s+0\s+0\s+2/);
    const bad = await runCli(['stats', '--quarter', 'Q9'], '', { DATABASE_PATH: db });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--quarter "Q9" is not a quarter\. Use the form 2026-Q4/);
  });

  it('export --report quarterly --quarter 2026-Q4 --format xlsx --out FILE writes a workbook; csv too; json is unchanged', async () => {
    const db = tempDatabase();
    seed(db);
    const out = join(dirname(db), 'report.xlsx');
    const xlsx = await runCli(['export', '--report', 'quarterly', '--quarter', '2026-Q4', '--format', 'xlsx', '--out', out], '', { DATABASE_PATH: db });
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(xlsx.stderr).toContain(`Wrote ${out}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(arrayBuffer(readFileSync(out)));
    // The last sheet is issue #11's funnel, feedback and assisted checks (src/core/reports/funnel-sheet.ts);
    // issue #22's renewal counts ("sắp hết miễn phí", "đã gia hạn") come just before it.
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Báo cáo quý', 'Theo phường, xã', 'Theo kênh', 'Theo người giới thiệu', 'Theo lý do', 'Gia hạn', 'Hành trình người dùng']);
    const totals: unknown[] = [];
    workbook.getWorksheet('Báo cáo quý')?.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (values[0] === 'Tổng cộng') totals.push(values.slice(1, 5));
    });
    expect(totals).toEqual([[3, 2, 1, 0]]);

    const csv = await runCli(['export', '--report', 'quarterly', '--quarter', '2026-Q4', '--format', 'csv'], '', { DATABASE_PATH: db });
    expect(csv.stdout).toContain('I. Kết quả, số lượng đăng ký thực hiện');
    expect(csv.stdout).toContain('Tổng cộng,3,2,1,0');

    const candidates = await runCli(['export', '--report', 'candidates', '--format', 'csv'], '', { DATABASE_PATH: db });
    expect(candidates.code, candidates.stderr).toBe(0);
    expect(candidates.stdout).toContain('DANH SÁCH ĐỀ XUẤT THAM GIA CHƯƠNG TRÌNH');

    const json = await runCli(['export', '--format', 'json'], '', { DATABASE_PATH: db });
    expect((JSON.parse(json.stdout) as unknown[]).length).toBe(4);
    const wrong = await runCli(['export', '--report', 'yearly'], '', { DATABASE_PATH: db });
    expect(wrong.stderr).toMatch(/--report "yearly" is not a report\. Use --report quarterly, --report candidates or --report renewals\./);
  });
});
