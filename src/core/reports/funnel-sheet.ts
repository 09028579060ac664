/**
 * The quarterly report's sheet for issue #11: the funnel of the quarter (how
 * far people got in the bot, and where they dropped off), the 👍/👎 answers
 * and the assisted checks. Anonymous counts only.
 */
import { TRACKS, type Track } from '../eligibility/types.js';
import { FEEDBACK_CATEGORIES, FUNNEL_STEPS, type AssistedCount, type FeedbackRow, type FunnelRow, type FunnelStep } from '../funnel.js';
import type { BoundTranslate } from './stats-text.js';
import type { Cell, ReportDocument, ReportSheet } from './types.js';

/** What the report reads for a period (ReportQueries.analytics). */
export type PeriodAnalytics = {
  readonly funnel: readonly FunnelRow[];
  readonly feedback: readonly FeedbackRow[];
  readonly assisted: readonly AssistedCount[];
};

function share(part: number, whole: number): Cell {
  return whole === 0 ? null : { percent: part / whole };
}

export function funnelSheet(input: PeriodAnalytics, t: BoundTranslate): ReportSheet {
  const sum = (step: FunnelStep, track?: Track) =>
    input.funnel.filter((r) => r.step === step && (track === undefined || r.track === track)).reduce((n, r) => n + r.count, 0);
  const started = sum('started');
  const funnelRows = FUNNEL_STEPS.map((step): Cell[] => [t(`funnel.step.${step}`), ...TRACKS.map((track) => (step === 'started' ? null : sum(step, track))), sum(step), share(sum(step), started)]);
  const votes = (track: Track | undefined, helpful: boolean) =>
    input.feedback.filter((r) => (track === undefined || r.track === track) && r.helpful === helpful).reduce((n, r) => n + r.count, 0);
  const feedbackRows = [...TRACKS, undefined].map((track): Cell[] => {
    const up = votes(track, true);
    const down = votes(track, false);
    return [track ?? t('staff.col.total'), up, down, share(up, up + down)];
  });
  const categoryRows = FEEDBACK_CATEGORIES.map((c): Cell[] => [t(`funnel.category.${c}`), input.feedback.filter((r) => r.category === c).reduce((n, r) => n + r.count, 0)]);
  const assistedRows = [...TRACKS, undefined].map((track): Cell[] => {
    const rows = input.assisted.filter((r) => track === undefined || r.track === track);
    const count = rows.reduce((n, r) => n + r.count, 0);
    return [track ?? t('staff.col.total'), count, rows.filter((r) => r.outcome === 'eligible').reduce((n, r) => n + r.count, 0), rows.reduce((n, r) => n + r.credited, 0)];
  });
  return {
    name: t('funnel.sheet'),
    tables: [
      { title: t('funnel.title'), columns: [t('funnel.col_step'), ...TRACKS, t('staff.col.total'), t('funnel.col_of_started')], rows: funnelRows },
      { title: t('funnel.feedback_title'), columns: [t('funnel.col_track'), t('funnel.col_helpful'), t('funnel.col_not_helpful'), t('funnel.col_helpful_share')], rows: feedbackRows, totals: 1 },
      { title: t('funnel.categories_title'), columns: [t('funnel.col_category'), t('funnel.col_count')], rows: categoryRows },
      { title: t('funnel.assisted_title'), columns: [t('funnel.col_track'), t('funnel.col_count'), t('funnel.col_eligible'), t('funnel.col_credited')], rows: assistedRows, totals: 1 },
    ],
  };
}

export function withFunnelSheet(doc: ReportDocument, input: PeriodAnalytics, t: BoundTranslate): ReportDocument {
  return { ...doc, sheets: [...doc.sheets, funnelSheet(input, t)] };
}
