/**
 * `export --format json|csv`: every stored check with the fields
 * channel, track, outcome, reason, referrer, locality, createdAt (ISO),
 * assisted (true when a helper entered it in person, issue #11) and helper
 * (the credited helper's address when they have no referral code).
 */
import type { CheckRecord } from '../../core/ports.js';

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

/** RFC 4180 field; also defuses spreadsheet formulas (=, +, -, @ at the start). */
export function csvField(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const lines = [header.map((h) => csvField(h)), ...rows.map((r) => r.map((v) => csvField(v === null ? null : String(v))))];
  return `${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

export function exportChecks(checks: readonly CheckRecord[], format: 'json' | 'csv'): string {
  const rows = toExportRows(checks);
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  return toCsv(EXPORT_FIELDS, rows.map((r) => EXPORT_FIELDS.map((f) => { const v = r[f]; return typeof v === 'boolean' ? String(v) : v; })));
}
