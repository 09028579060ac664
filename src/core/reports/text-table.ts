/** A compact table for chat, aligned for a monospace font: number columns right, text columns left. */

const MAX_CELL = 22;

function cut(value: string): string {
  return value.length <= MAX_CELL ? value : `${value.slice(0, MAX_CELL - 1)}…`;
}

export function textTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header.map((h) => cut(h)), ...rows.map((r) => r.map((c) => cut(String(c))))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => i > 0 && rows.every((r) => typeof r[i] === 'number'));
  return cells
    .map((r) => r.map((c, i) => (numeric[i] === true ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd())
    .join('\n');
}
