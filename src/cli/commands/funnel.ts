/**
 * Issue #11 in `stats` and `export`: the funnel (how far people get, and
 * where they drop off), the 👍/👎 feedback and the assisted checks.
 *   stats               … + assisted checks and feedback
 *   stats --funnel      … + the funnel, per step and track
 *   export --report funnel [--format csv|json]   day, step, track, count
 */
import { TRACKS, type Track } from '../../core/eligibility/types.js';
import { FEEDBACK_CATEGORIES, FUNNEL_STEPS, type AssistedCount, type FeedbackRow, type FunnelRow, type FunnelStep } from '../../core/funnel.js';
import { writePrivateFile } from '../private-file.js';
import type { Session } from '../../core/session.js';
import { openAppStore, type StoreSettings } from '../../storage/open-app-store.js';
import { toCsv } from './export.js';

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: readonly string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [fmt(header), ...rows.map(fmt)];
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`;
}

/** Steps × (id.vn, biz.vn, all), each with its share of "started": where people drop off. */
export function formatFunnel(rows: readonly FunnelRow[], title = 'Funnel (people using the bot on their own)'): string {
  const sum = (step: FunnelStep, track?: Track) =>
    rows.filter((r) => r.step === step && (track === undefined || r.track === track)).reduce((n, r) => n + r.count, 0);
  const started = sum('started');
  const body = FUNNEL_STEPS.map((step) => {
    const all = sum(step);
    return [step, ...TRACKS.map((t) => String(step === 'started' ? '—' : sum(step, t))), String(all), percent(all, started)];
  });
  return [title, ...table(['step', ...TRACKS, 'all', 'of started'], body)].join('\n') + '\n';
}

export function formatFeedback(rows: readonly FeedbackRow[]): string {
  const count = (track: Track | undefined, helpful: boolean) =>
    rows.filter((r) => (track === undefined || r.track === track) && r.helpful === helpful).reduce((n, r) => n + r.count, 0);
  const body = [...TRACKS, undefined].map((track) => {
    const up = count(track, true);
    const down = count(track, false);
    return [track ?? 'total', String(up), String(down), percent(up, up + down)];
  });
  const categories = FEEDBACK_CATEGORIES.map((c) => `${c} ${rows.filter((r) => r.category === c).reduce((n, r) => n + r.count, 0)}`);
  return ['Feedback ("Thông tin có hữu ích không?")', ...table(['track', 'helpful', 'not helpful', 'helpful %'], body), `Remarks: ${categories.join(', ')}`].join('\n') + '\n';
}

export function formatAssisted(rows: readonly AssistedCount[]): string {
  const body = [...TRACKS, undefined].map((track) => {
    const mine = rows.filter((r) => track === undefined || r.track === track);
    const total = mine.reduce((n, r) => n + r.count, 0);
    const eligible = mine.filter((r) => r.outcome === 'eligible').reduce((n, r) => n + r.count, 0);
    const credited = mine.reduce((n, r) => n + r.credited, 0);
    return [track ?? 'total', String(total), String(eligible), String(credited)];
  });
  return ['Assisted checks (helpers in person; included in the checks above)', ...table(['track', 'checks', 'eligible', 'credited'], body)].join('\n') + '\n';
}

export const FUNNEL_EXPORT_FIELDS = ['day', 'step', 'track', 'count'] as const;

export function exportFunnel(rows: readonly FunnelRow[], format: 'json' | 'csv'): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  return toCsv(FUNNEL_EXPORT_FIELDS, rows.map((r) => [r.day, r.step, r.track ?? '', r.count]));
}

/** True for `export --report funnel` / `--report=funnel` (the staff reports take the other --report values). */
export function isFunnelExport(args: readonly string[]): boolean {
  const at = args.indexOf('--report');
  return args.includes('--report=funnel') || (at >= 0 && args[at + 1] === 'funnel');
}

/** The `--format` of `export --report funnel`: json (default) or csv. */
export function funnelFormat(args: readonly string[]): 'json' | 'csv' {
  const at = args.indexOf('--format');
  const value = args.find((a) => a.startsWith('--format='))?.slice('--format='.length) ?? (at >= 0 ? args[at + 1] : undefined) ?? 'json';
  if (value !== 'json' && value !== 'csv') throw new Error(`--format "${value}" is not supported with --report funnel. Use --format csv or --format json.`);
  return value;
}

/** `export --report funnel [--format csv|json] [--out FILE]`: the funnel per day, step and track. */
export async function runFunnelExport(args: readonly string[], settings: StoreSettings): Promise<number> {
  const format = funnelFormat(args);
  const at = args.indexOf('--out');
  const file = args.find((a) => a.startsWith('--out='))?.slice('--out='.length) ?? (at >= 0 ? args[at + 1] : undefined);
  const store = await openAppStore<Session>(settings);
  try {
    const body = exportFunnel(await store.analytics.funnel(), format);
    if (file === undefined) process.stdout.write(body);
    else {
      await writePrivateFile(file, body);
      process.stderr.write(`Wrote ${file}\n`);
    }
  } finally {
    await store.close();
  }
  return 0;
}
