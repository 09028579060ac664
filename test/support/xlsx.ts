/** Reading report files back in tests: an .xlsx through exceljs, a CSV by RFC 4180. */
import ExcelJS from 'exceljs';

/** exceljs declares load(ArrayBuffer-like); hand it exactly the file's bytes. */
export function arrayBuffer(data: Uint8Array): ArrayBuffer {
  const copy = new ArrayBuffer(data.byteLength);
  new Uint8Array(copy).set(data);
  return copy;
}

/** Every row of a sheet as plain values (column A first). */
export async function xlsxRows(data: Uint8Array, sheet: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(arrayBuffer(data));
  const ws = workbook.getWorksheet(sheet);
  if (ws === undefined) throw new Error(`no sheet ${sheet}; has ${workbook.worksheets.map((w) => w.name).join(', ')}`);
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

export async function sheetNames(data: Uint8Array): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(arrayBuffer(data));
  return workbook.worksheets.map((w) => w.name);
}

/** RFC 4180 lines → rows of cells (quotes, commas and CRLF inside quotes); a leading BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] ?? '';
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

export function rowStarting(rows: readonly (readonly unknown[])[], first: string | RegExp): readonly unknown[] {
  const hit = rows.find((r) => (typeof first === 'string' ? r[0] === first : first.test(String(r[0]))));
  if (hit === undefined) throw new Error(`no row starting with ${String(first)}`);
  return hit;
}
