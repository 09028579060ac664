/**
 * `export --format json|csv`: every stored check with the fields
 * channel, track, outcome, reason, referrer, locality, createdAt (ISO),
 * assisted (true when a helper entered it in person, issue #11) and helper
 * (the credited helper's address when they have no referral code).
 */
import type { CheckRecord } from '../../core/ports.js';
import { csvText } from '../../reports/csv.js';

export const EXPORT_FIELDS = ['channel', 'track', 'outcome', 'reason', 'referrer', 'locality', 'createdAt', 'assisted', 'helper'] as const;

export function toExportRows(checks: readonly CheckRecord[]): Record<(typeof EXPORT_FIELDS)[number], string | boolean | null>[] {
  return checks.map((c) => ({
    channel: c.channel,
    track: c.track,
    outcome: c.outcome,
    reason: c.reason,
    referrer: c.referrer,
    locality: c.locality,
    createdAt: c.createdAt,
    assisted: c.assisted === true,
    helper: c.helper ?? null,
  }));
}

/** A CSV field: text quoted and defused (src/reports/csv.ts); numbers and booleans bare; null empty. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  return typeof value === 'string' ? csvText(value) : String(value);
}

/** The header (fixed ASCII names, the CLI contract) bare; every text value quoted. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  const lines = [header.join(','), ...rows.map((r) => r.map(csvField).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

export function exportChecks(checks: readonly CheckRecord[], format: 'json' | 'csv'): string {
  const rows = toExportRows(checks);
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  return toCsv(EXPORT_FIELDS, rows.map((r) => EXPORT_FIELDS.map((f) => r[f])));
}
