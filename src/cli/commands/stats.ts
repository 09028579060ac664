/** `stats`: a readable summary of stored checks by track and outcome. */
import type { CountRow } from '../../core/ports.js';
import { TRACKS, type Outcome } from '../../core/eligibility/types.js';

const OUTCOMES: readonly Outcome[] = ['eligible', 'not_eligible', 'undetermined'];

/** `registered`: registrations per track (issue #9), shown as a last column next to the checks. */
export function formatStats(rows: readonly CountRow[], title = 'All checks', registered?: readonly { track: string; count: number }[]): string {
  const count = (track: string, outcome: Outcome) =>
    rows.filter((r) => r.track === track && r.outcome === outcome).reduce((sum, r) => sum + r.count, 0);
  const done = (track?: string) => String((registered ?? []).filter((r) => track === undefined || r.track === track).reduce((sum, r) => sum + r.count, 0));
  const extra = registered === undefined ? [] : ['registered'];
  const header = ['track', ...OUTCOMES, 'total', ...extra];
  const body = TRACKS.map((track) => {
    const cells = OUTCOMES.map((o) => count(track, o));
    return [track, ...cells.map(String), String(cells.reduce((a, b) => a + b, 0)), ...(registered === undefined ? [] : [done(track)])];
  });
  const totals = OUTCOMES.map((o) => TRACKS.reduce((sum, t) => sum + count(t, o), 0));
  body.push(['total', ...totals.map(String), String(totals.reduce((a, b) => a + b, 0)), ...(registered === undefined ? [] : [done()])]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const fmt = (r: readonly string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [title, fmt(header), ...body.map(fmt)].join('\n') + '\n';
}
