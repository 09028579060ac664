/**
 * A report document as one CSV file: the title and its lines, then each
 * table (its title, header and rows) separated by an empty line. UTF-8 with a
 * BOM so Excel shows Vietnamese; RFC 4180 quoting; cells that start like a
 * formula (=, +, -, @) are prefixed with ' so no spreadsheet runs them.
 */
import type { Cell, ReportDocument } from '../core/reports/types.js';

export const BOM = '\uFEFF';

export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const value = typeof cell === 'string' ? cell : `${(cell.percent * 100).toFixed(1)}%`;
  const safe = typeof cell === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function line(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',');
}

export function documentCsv(doc: ReportDocument): string {
  const lines: string[] = [line([doc.title]), ...doc.lines.map((l) => line([l]))];
  for (const sheet of doc.sheets) {
    for (const table of sheet.tables) {
      lines.push('', line([table.title]), line(table.columns), ...table.rows.map(line));
    }
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
