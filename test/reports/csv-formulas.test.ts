/**
 * Issue #18, item 5: a referrer label "ĐTN;=HYPERLINK(…)" must not become a
 * formula in a spreadsheet that splits on ";" (the Vietnamese Windows
 * default), nor in one that reads RFC 4180. Every text cell is quoted and
 * every part that a splitter could make a cell is defused with a leading '.
 */
import { describe, expect, it } from 'vitest';
import { documentCsv } from '../../src/reports/csv.js';
import { exportChecks } from '../../src/cli/commands/export.js';
import type { ReportDocument } from '../../src/core/reports/types.js';
import { parseCsv } from '../support/xlsx.js';

const EVIL = ['ĐTN;=HYPERLINK("http://x.test","bấm")', '+84 912', '-1+2', '@SUM(A1)', '\tTAB', '\rCR', 'a;+b;-c;@d'];
const FORMULA = /^[=+\-@\t\r]/;

/** A spreadsheet set to split on ";" that ignores quotes: every piece of every line. */
function semicolonPieces(csv: string): string[] {
  return csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .flatMap((line) => line.split(';'))
    .map((piece) => piece.replace(/^"/, ''));
}

describe('CSV cells cannot become formulas (issue #18)', () => {
  const doc: ReportDocument = {
    title: 'Báo cáo',
    lines: ['=1+1'],
    sheets: [{ name: 'S', tables: [{ title: 'Người giới thiệu', columns: ['Mã', 'Số lượt'], rows: EVIL.map((label, i) => [label, i - 3]) }] }],
  } as unknown as ReportDocument;

  it('quarterly/candidates CSV: every text cell quoted, formula starts defused, also after a ;', () => {
    const csv = documentCsv(doc);
    const rows = parseCsv(csv);
    for (const cell of rows.flat().filter((c) => c !== '' && !/^-?\d+$/.test(c))) expect(cell).not.toMatch(FORMULA);
    expect(rows.flat()).toContain(`ĐTN;'=HYPERLINK("http://x.test","bấm")`);
    for (const piece of semicolonPieces(csv)) expect(piece).not.toMatch(/^[=+@\t\r]|^-[^\d]/);
    // Text cells are quoted: the label line starts with a quote; numbers (also negative ones) stay numbers.
    expect(csv).toContain('"ĐTN;\'=HYPERLINK(""http://x.test"",""bấm"")",-3');
  });

  it('export --format csv: text quoted and defused, header and numbers unchanged', () => {
    const csv = exportChecks(
      [{ channel: 'telegram', track: 'id.vn', outcome: 'eligible', reason: 'idvn_age_in_range', referrer: 'ĐTN;=HYPERLINK("x")', locality: '@Kiến An', createdAt: '2026-11-23T02:00:00.000Z', assisted: false }] as never,
      'csv',
    );
    const [header, line] = csv.split('\r\n');
    expect(header).toBe('channel,track,outcome,reason,referrer,locality,createdAt,assisted,helper');
    expect(line).toBe('"telegram","id.vn","eligible","idvn_age_in_range","ĐTN;\'=HYPERLINK(""x"")","\'@Kiến An","2026-11-23T02:00:00.000Z",false,');
    for (const piece of semicolonPieces(csv)) expect(piece).not.toMatch(FORMULA);
  });
});
