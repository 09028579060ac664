/**
 * /stats, /export and /referrer list for staff: the numbers as compact text
 * tables, the period's weekly bar chart as a PNG, and the quarterly report or
 * the candidate list as an XLSX/CSV attachment. A chart that cannot be drawn
 * (no font on the server) is logged and the text goes out alone.
 */
import { text, type Reply } from '../../message.js';
import { candidatesReport, namesFor, quarterlyReport, reportBaseName, type ReportSources } from '../../reports/build.js';
import { weeklyChart } from '../../reports/chart-model.js';
import { boundsOf, parseQuarter, quarterOf, quarterPeriod } from '../../reports/period.js';
import { byKey } from '../../reports/aggregate.js';
import { periodLabel, statsText } from '../../reports/stats-text.js';
import { textTable } from '../../reports/text-table.js';
import type { Period } from '../../reports/types.js';
import type { StaffRequest } from '../../staff.js';
import type { StaffAnswerContext } from './staff-answers.js';
import { renewalCountsFor, renewalStatsText } from '../../renewal/report.js';

function sources(ctx: StaffAnswerContext): ReportSources {
  const { services } = ctx;
  return {
    reports: services.reports,
    countChecks: ctx.countChecks,
    staff: services.store,
    data: ctx.data,
    area: services.area,
    localityName: services.localityName,
  };
}

export async function answerStats(period: Period, ctx: StaffAnswerContext): Promise<Reply[]> {
  const bounds = boundsOf(period);
  const [rows, names] = await Promise.all([ctx.services.reports.stats(bounds), namesFor(sources(ctx))]);
  // Issue #22: "sắp hết miễn phí" (next quarter) and "đã gia hạn" (this period) under the numbers.
  const store = ctx.services.reports.renewals;
  const renewal = store === undefined ? '' : `\n\n${renewalStatsText(period, await renewalCountsFor(period, store), ctx.t, names)}`;
  const replies: Reply[] = [{ text: text('staff.stats_body', { body: `${statsText(period, rows, ctx.t, names)}${renewal}` }) }];
  if (rows.byWeek.length === 0) return replies;
  try {
    const chart = weeklyChart(period, rows.byWeek, ctx.t('staff.chart.title', { period: periodLabel(period, ctx.t) }), ctx.t);
    const data = ctx.services.render.chartPng(chart);
    replies.push({
      text: text('staff.chart_text'),
      attachment: { kind: 'image', name: `thong-ke-${period.from}-${period.to}.png`, mime: 'image/png', data, caption: text('staff.chart_caption') },
    });
  } catch (error) {
    ctx.warn('stats chart not drawn', { error: error instanceof Error ? error.message : String(error) });
    replies.push({ text: text('staff.chart_unavailable') });
  }
  return replies;
}

export async function answerExport(request: Extract<StaffRequest, { type: 'staff_export' }>, ctx: StaffAnswerContext): Promise<Reply[]> {
  const quarter = parseQuarter(request.quarter) ?? quarterOf(ctx.today);
  const doc =
    request.report === 'quarterly'
      ? await quarterlyReport(quarter, sources(ctx), ctx.today, ctx.tVi)
      : await candidatesReport(sources(ctx), ctx.today, ctx.tVi);
  const file = await ctx.services.render.document(doc, request.format, reportBaseName(request.report, quarter));
  const label = periodLabel(quarterPeriod(quarter), ctx.t);
  const key = request.report === 'quarterly' ? 'staff.export_quarterly' : 'staff.export_candidates';
  return [
    {
      text: text(key, { period: label, format: request.format.toUpperCase() }),
      attachment: { kind: 'file', name: file.name, mime: file.mime, data: file.data, caption: text(key, { period: label, format: request.format.toUpperCase() }) },
    },
  ];
}

/** Referrers with this quarter's checks and eligible results, biggest first. */
export async function answerReferrerList(ctx: StaffAnswerContext): Promise<Reply[]> {
  // Ended codes (issue #18) keep their labels for past reports but are no longer listed.
  const list = (await ctx.services.store.listReferrers()).filter((r) => r.endedAt === undefined);
  if (list.length === 0) return [{ text: text('staff.referrers_none') }];
  const period = quarterPeriod(quarterOf(ctx.today));
  const rows = await ctx.services.reports.stats(boundsOf(period));
  const tallies = new Map(byKey(rows.byReferrer).map((e) => [String(e.key).toUpperCase(), e.all]));
  const table = textTable(
    [ctx.t('staff.col.code'), ctx.t('staff.col.label'), ctx.t('staff.col.checks'), ctx.t('staff.col.eligible')],
    list
      .map((r) => ({ r, tally: tallies.get(r.code.toUpperCase()) }))
      .sort((a, b) => (b.tally?.checks ?? 0) - (a.tally?.checks ?? 0))
      .map(({ r, tally }) => [r.code, r.label, tally?.checks ?? 0, tally?.eligible ?? 0]),
  );
  return [{ text: text('staff.referrers', { n: list.length, period: periodLabel(period, ctx.t), table }) }];
}
