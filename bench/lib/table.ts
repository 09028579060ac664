/** Renders figures as a plain-text table (also pasted into README's Performance section). */
import { verdict, type Bar, type Figure } from './figure.js';

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = Number.isInteger(value) || abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function formatBar(bar: Bar, unit: string): string {
  const subject = bar.on === 'ratio' ? 'ratio' : '';
  const limit = bar.on === 'ratio' ? `${formatNumber(bar.limit)}×` : `${formatNumber(bar.limit)} ${unit}`;
  const mark = bar.source === 'bench' ? ' *' : '';
  const op = bar.op === '>=' ? '≥' : bar.op === '<=' ? '≤' : '<';
  return `${subject ? `${subject} ` : ''}${op} ${limit}${mark}`;
}

function spread(figure: Figure): string {
  const runs = figure.value.runs;
  return `${formatNumber(Math.min(...runs))}–${formatNumber(Math.max(...runs))}`;
}

export function formatTable(figures: readonly Figure[]): string {
  const header = ['figure', 'median', 'unit', 'runs (min–max)', 'bar', 'result', 'baseline (median)', 'ratio'];
  const rows = figures.map((f) => [
    f.label,
    formatNumber(f.value.median),
    f.unit,
    `${f.value.runs.length}: ${spread(f)}`,
    formatBar(f.bar, f.unit),
    verdict(f),
    f.baseline ? `${f.baseline.label}: ${formatNumber(f.baseline.value.median)} ${f.baseline.unit}` : '—',
    f.ratio === undefined ? '—' : `${formatNumber(f.ratio)}× ${f.ratioLabel ?? ''}`.trim(),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((c, i) => (i === 1 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 1 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Measured facts that have no bar of their own, one line per figure that has any. */
export function formatDetails(figures: readonly Figure[]): string {
  return figures
    .filter((f) => f.details !== undefined)
    .map((f) => {
      const facts = Object.entries(f.details ?? {}).map(([k, v]) => `${k}=${typeof v === 'number' ? formatNumber(v) : v}`);
      return `  ${f.id}: ${facts.join(', ')}`;
    })
    .join('\n');
}
