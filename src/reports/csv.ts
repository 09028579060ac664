/**
 * A report document as one CSV file: the title and its lines, then each
 * table (its title, header and rows) separated by an empty line. UTF-8 with a
 * BOM so Excel shows Vietnamese; RFC 4180 quoting. Every text cell is quoted,
 * and a cell — or any part after a `;`, which a spreadsheet set to split on
 * `;` (the Vietnamese Windows default) reads as a cell of its own — that
 * starts like a formula (=, +, -, @, tab, CR) gets a leading ' so no
 * spreadsheet runs it.
 */
import type { Cell, ReportDocument } from '../core/reports/types.js';

export const BOM = '\uFEFF';

const FORMULA_START = /(^|;)([=+\-@\t\r])/g;

/** `=1+1` → `'=1+1`; `ĐTN;=HYPERLINK(…)` → `ĐTN;'=HYPERLINK(…)`. */
export function neutraliseFormula(value: string): string {
  return value.replace(FORMULA_START, "$1'$2");
}

/** A text cell: neutralised, always quoted (RFC 4180: inner quotes doubled). */
export function csvText(value: string): string {
  return `"${neutraliseFormula(value).replace(/"/g, '""')}"`;
}

export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  return csvText(typeof cell === 'string' ? cell : `${(cell.percent * 100).toFixed(1)}%`);
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
