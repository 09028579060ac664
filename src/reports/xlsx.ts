/**
 * A report document as an .xlsx workbook (exceljs): one worksheet per sheet,
 * the title and lines on top, then each table with a bold header row and
 * bold totals. Numbers stay numbers and percentages are numbers formatted
 * 0.0 %, so the file sums and sorts in Excel and LibreOffice alike.
 */
import ExcelJS from 'exceljs';
import type { Cell, ReportDocument } from '../core/reports/types.js';

/** Excel's limit on a sheet name, and the characters it refuses in one. */
const MAX_SHEET_NAME = 31;
const BAD_SHEET_CHARS = /[[\]:*?/\\]/g;

function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(BAD_SHEET_CHARS, ' ').trim().slice(0, MAX_SHEET_NAME) || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, MAX_SHEET_NAME - 3)} ${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

function value(cell: Cell): string | number | null {
  if (cell === null || typeof cell === 'string' || typeof cell === 'number') return cell;
  return cell.percent;
}

export async function documentXlsx(doc: ReportDocument, created: Date = new Date(0)): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ten-mien-vn-mien-phi-bot';
  workbook.created = created;
  workbook.modified = created;
  const taken = new Set<string>();
  for (const sheet of doc.sheets) {
    const ws = workbook.addWorksheet(sheetName(sheet.name, taken));
    ws.addRow([doc.title]).font = { bold: true, size: 13 };
    for (const line of doc.lines) ws.addRow([line]);
    const widths: number[] = [];
    for (const table of sheet.tables) {
      ws.addRow([]);
      ws.addRow([table.title]).font = { bold: true };
      const header = ws.addRow([...table.columns]);
      header.font = { bold: true };
      header.eachCell((c) => {
        c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
        c.alignment = { wrapText: true, vertical: 'top' };
      });
      table.rows.forEach((cells, index) => {
        const row = ws.addRow(cells.map(value));
        cells.forEach((cell, i) => {
          if (cell !== null && typeof cell === 'object') row.getCell(i + 1).numFmt = '0.0%';
        });
        if (index >= table.rows.length - (table.totals ?? 0)) row.font = { bold: true };
      });
      [table.columns, ...table.rows].forEach((cells) =>
        cells.forEach((cell, i) => {
          const text = cell === null ? '' : typeof cell === 'object' ? '100.0%' : String(cell);
          widths[i] = Math.max(widths[i] ?? 8, Math.min(text.length + 2, 48));
        }),
      );
    }
    widths.forEach((width, i) => {
      ws.getColumn(i + 1).width = width;
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
