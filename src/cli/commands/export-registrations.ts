/**
 * `export --registrations`: every recorded registration ("registered") with
 * channel, track, referrer, locality, source, createdAt — never the address
 * or the domain, like the checks export.
 */
import type { RegistrationRecord } from '../../core/outreach.js';
import { toCsv } from './export.js';

export const REGISTRATION_FIELDS = ['channel', 'track', 'referrer', 'locality', 'source', 'createdAt'] as const;

export function exportRegistrations(rows: readonly RegistrationRecord[], format: 'json' | 'csv'): string {
  const plain = rows.map((r) => ({ channel: r.channel, track: r.track, referrer: r.referrer, locality: r.locality, source: r.source, createdAt: r.createdAt }));
  if (format === 'json') return `${JSON.stringify(plain, null, 2)}\n`;
  return toCsv(REGISTRATION_FIELDS, plain.map((r) => REGISTRATION_FIELDS.map((f) => r[f])));
}
