/**
 * /stats in chat: totals and breakdowns by track and outcome, reason,
 * locality, channel and referrer, as compact tables that line up in a
 * monospace font. Headers come translated through `t`; numbers from SQL.
 */
import { formatDateVi } from '../calendar.js';
import { TRACKS, type Track } from '../eligibility/types.js';
import type { Text } from '../message.js';
import { byKey, byTrack, emptyTally, sumTallies, type KeyedTally, type Tally } from './aggregate.js';
import { parseQuarter } from './period.js';
import { textTable } from './text-table.js';
import type { Period, RegisteredCount, StatsRows } from './types.js';

/** A translator already bound to one language (the staff member's, or Vietnamese for report files); src/i18n.ts's Translate takes the locale first. */
export type BoundTranslate = (key: string, params?: Text['params']) => string;

/** How stored values are shown: a locality code or name, a referral code with its label. */
export type Names = { locality(value: string): string; referrer(code: string): string };

/** Rows shown per breakdown; the rest are added up in one "others" row. */
export const TOP = 8;

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** "Quý IV/2026 (01/10/2026–31/12/2026)" or "01/10/2026–31/10/2026". */
export function periodLabel(period: Period, t: BoundTranslate): string {
  const quarter = period.quarter === undefined ? undefined : parseQuarter(period.quarter);
  const range = `${formatDateVi(period.from)}–${formatDateVi(period.to)}`;
  if (quarter === undefined) return range;
  return `${t('staff.stats.quarter', { roman: ROMAN[quarter.q - 1] ?? '', year: quarter.year })} (${range})`;
}

function top(entries: readonly KeyedTally[], name: (key: string | null) => string, t: BoundTranslate): (string | number)[][] {
  const shown = entries.slice(0, TOP);
  const rest = entries.slice(TOP);
  const rows = shown.map((e) => [name(e.key), e.all.checks, e.all.eligible]);
  if (rest.length > 0) {
    const others: Tally = sumTallies(rest.map((e) => e.all));
    rows.push([t('staff.stats.others', { n: rest.length }), others.checks, others.eligible]);
  }
  return rows;
}

function block(title: string, table: string): string {
  return `${title}\n${table}`;
}

/** `registered`: registrations in the period (ReportQueries.registered, issue #9), a last column of the track table. */
export function statsText(period: Period, rows: StatsRows, t: BoundTranslate, names: Names, registered?: readonly RegisteredCount[]): string {
  const tracks = byTrack(rows.byTrack);
  const total = sumTallies(TRACKS.map((track) => tracks[track]));
  const none = t('staff.stats.none');
  const counts = [t('staff.col.checks'), t('staff.col.eligible')];
  const done = (track?: Track): number[] =>
    registered === undefined ? [] : [registered.filter((r) => track === undefined || r.track === track).reduce((sum, r) => sum + r.count, 0)];
  const trackRows = [...TRACKS.map((track) => [track, ...tallyCells(tracks[track]), ...done(track)]), [t('staff.col.total'), ...tallyCells(total), ...done()]];
  const reasons = [...rows.byReason].sort((a, b) => b.count - a.count).map((r) => [t(`staff.reason.${r.reason}`), r.count]);
  const localities = top(byKey(rows.byLocality), (k) => (k === null ? none : names.locality(k)), t);
  const channels = byKey(rows.byChannel).map((e) => [e.key ?? none, e.all.checks, e.all.eligible]);
  const referrers = top(byKey(rows.byReferrer), (k) => (k === null ? t('staff.stats.no_referrer') : names.referrer(k)), t);
  const parts = [
    t('staff.stats.title', { period: periodLabel(period, t) }),
    t('staff.stats.total', { checks: total.checks, eligible: total.eligible }),
  ];
  if (total.checks === 0) return parts.join('\n');
  parts.push(
    block(t('staff.stats.by_track'), textTable([t('staff.col.track'), ...counts, t('staff.col.not_eligible'), t('staff.col.undetermined'), ...(registered === undefined ? [] : [t('staff.report.col_registered')])], trackRows)),
    block(t('staff.stats.by_reason'), textTable([t('staff.col.reason'), t('staff.col.checks')], reasons)),
    block(t('staff.stats.by_locality'), textTable([t('staff.col.locality'), ...counts], localities)),
    block(t('staff.stats.by_channel'), textTable([t('staff.col.channel'), ...counts], channels)),
    block(t('staff.stats.by_referrer'), textTable([t('staff.col.referrer'), ...counts], referrers)),
  );
  return parts.join('\n\n');
}

function tallyCells(tally: Tally = emptyTally()): number[] {
  return [tally.checks, tally.eligible, tally.notEligible, tally.undetermined];
}
