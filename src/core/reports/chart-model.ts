/**
 * The bar chart of a period: checks and eligible per track, week by week
 * (weeks start on Monday). Weeks without a check are shown as zero, so the
 * bars keep their place in time.
 */
import { addDays, formatDateVi, type IsoDate } from '../calendar.js';
import { TRACKS } from '../eligibility/types.js';
import { weekStart } from './period.js';
import type { BoundTranslate } from './stats-text.js';
import type { Period, WeeklyChart, WeeklyCount } from './types.js';

/** Charts longer than this many weeks are cut to their last weeks (a bar must stay readable). */
export const MAX_WEEKS = 27;

export function weeksOf(period: Pick<Period, 'from' | 'to'>): IsoDate[] {
  const weeks: IsoDate[] = [];
  for (let week = weekStart(period.from); week <= period.to; week = addDays(week, 7)) weeks.push(week);
  return weeks.slice(-MAX_WEEKS);
}

export function weeklyChart(period: Period, rows: readonly WeeklyCount[], title: string, t: BoundTranslate): WeeklyChart {
  const weeks = weeksOf(period);
  const at = new Map(rows.map((r) => [`${r.week}|${r.track}`, r]));
  const series = TRACKS.flatMap((track) => [
    { label: t('staff.chart.checks', { track }), values: weeks.map((w) => at.get(`${w}|${track}`)?.checks ?? 0) },
    { label: t('staff.chart.eligible', { track }), values: weeks.map((w) => at.get(`${w}|${track}`)?.eligible ?? 0) },
  ]);
  return { title, weeks: weeks.map((w) => formatDateVi(w).slice(0, 5)), series };
}
