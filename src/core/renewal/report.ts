/**
 * Renewal in the staff's numbers (issue #22): "sắp hết miễn phí" (free
 * periods ending in the quarter after the period shown) and "đã gia hạn"
 * (renewals people reported within the period), per track and locality — a
 * block under /stats, a sheet of the quarterly report, and the
 * `export --report renewals` document (consented people only, no birth dates).
 */
import { formatDateVi, vietnamDay, type IsoDate } from '../calendar.js';
import { TRACKS } from '../eligibility/types.js';
import { boundsOf, quarterLabelVi, quarterOf, quarterPeriod, type Quarter } from '../reports/period.js';
import type { Names, BoundTranslate } from '../reports/stats-text.js';
import { textTable } from '../reports/text-table.js';
import type { Cell, Period, ReportDocument, ReportTable } from '../reports/types.js';
import type { RenewalCount, RenewalCounts, RenewalListRow, RenewalStore } from './types.js';

export function nextQuarter(quarter: Quarter): Quarter {
  return quarter.q === 4 ? { year: quarter.year + 1, q: 1 } : { year: quarter.year, q: (quarter.q + 1) as Quarter['q'] };
}

/** The counts for a period: free periods ending in the next quarter, renewals reported in the period. */
export async function renewalCountsFor(period: Pick<Period, 'from' | 'to'>, store: RenewalStore): Promise<{ counts: RenewalCounts; ending: Quarter }> {
  const ending = nextQuarter(quarterOf(period.to));
  const { from, to } = quarterPeriod(ending);
  return { counts: await store.counts({ from, to }, boundsOf(period)), ending };
}

type Row = { locality: string | null; idvn: number; bizvn: number };

/** Per locality (null last… as stored), with id.vn and biz.vn side by side, plus a total. */
function byLocality(counts: readonly RenewalCount[]): { rows: Row[]; total: Row } {
  const rows = new Map<string | null, Row>();
  for (const c of counts) {
    const row = rows.get(c.locality) ?? { locality: c.locality, idvn: 0, bizvn: 0 };
    if (c.track === 'id.vn') row.idvn += c.count;
    else row.bizvn += c.count;
    rows.set(c.locality, row);
  }
  const list = [...rows.values()];
  return { rows: list, total: { locality: null, idvn: list.reduce((s, r) => s + r.idvn, 0), bizvn: list.reduce((s, r) => s + r.bizvn, 0) } };
}

function table(title: string, counts: readonly RenewalCount[], t: BoundTranslate, names: Names): ReportTable {
  const { rows, total } = byLocality(counts);
  const name = (locality: string | null): string => (locality === null ? t('staff.stats.none') : names.locality(locality));
  return {
    title,
    columns: [t('staff.col.locality'), ...TRACKS, t('staff.col.total')],
    rows: [...rows.map((r): Cell[] => [name(r.locality), r.idvn, r.bizvn, r.idvn + r.bizvn]), [t('staff.col.total'), total.idvn, total.bizvn, total.idvn + total.bizvn]],
    totals: 1,
  };
}

function titles(ending: Quarter, period: Pick<Period, 'from' | 'to'>, t: BoundTranslate): { ending: string; renewed: string } {
  return {
    ending: t('renewal.report.ending_title', { quarter: quarterLabelVi(ending) }),
    renewed: t('renewal.report.renewed_title', { from: formatDateVi(period.from), to: formatDateVi(period.to) }),
  };
}

/** The /stats block (and `stats --quarter`). */
export function renewalStatsText(period: Pick<Period, 'from' | 'to'>, data: { counts: RenewalCounts; ending: Quarter }, t: BoundTranslate, names: Names): string {
  const head = titles(data.ending, period, t);
  const block = (title: string, counts: readonly RenewalCount[]): string => {
    const tab = table(title, counts, t, names);
    const total = byLocality(counts).total;
    if (total.idvn + total.bizvn === 0) return `${title}: 0`;
    return `${title}\n${textTable(tab.columns, tab.rows.map((r) => r.map((c) => (typeof c === 'number' ? c : String(c ?? '')))))}`;
  };
  return [t('renewal.report.stats_title'), block(head.ending, data.counts.ending), block(head.renewed, data.counts.renewed)].join('\n\n');
}

/** The quarterly report's "Gia hạn" sheet. */
export function withRenewalSheet(doc: ReportDocument, quarter: Quarter, data: { counts: RenewalCounts; ending: Quarter }, t: BoundTranslate, names: Names): ReportDocument {
  const period = quarterPeriod(quarter);
  const head = titles(data.ending, period, t);
  return {
    ...doc,
    sheets: [...doc.sheets, { name: t('renewal.report.sheet'), tables: [table(head.ending, data.counts.ending, t, names), table(head.renewed, data.counts.renewed, t, names)] }],
  };
}

export type RenewalsInput = {
  readonly quarter: Quarter;
  readonly counts: RenewalCounts;
  readonly list: readonly RenewalListRow[];
  readonly unit: string;
  readonly area: string;
  readonly madeOn: IsoDate;
  readonly names: Names;
};

/** `export --report renewals --quarter Q`: free periods ending in Q (counts, then the consented people), renewals reported in Q. */
export function renewalsDocument(input: RenewalsInput, t: BoundTranslate): ReportDocument {
  const period = quarterPeriod(input.quarter);
  const label = quarterLabelVi(input.quarter);
  const rows = input.list.map((r, i): Cell[] => [
    i + 1,
    r.address,
    r.channel,
    r.track,
    r.domain,
    r.locality === null ? null : input.names.locality(r.locality),
    formatDateVi(r.freeUntil),
    t(r.reminders ? 'renewal.report.yes' : 'renewal.report.no'),
    r.renewedAt === null ? null : formatDateVi(vietnamDay(r.renewedAt)),
  ]);
  return {
    title: t('renewal.report.export_title', { quarter: label }),
    lines: [
      t('staff.report.unit', { unit: input.unit, area: input.area }),
      t('renewal.report.export_note'),
      t('staff.report.made_on', { date: formatDateVi(input.madeOn) }),
    ],
    sheets: [
      {
        name: t('renewal.report.sheet_summary'),
        tables: [
          table(t('renewal.report.ending_title', { quarter: label }), input.counts.ending, t, input.names),
          table(t('renewal.report.renewed_title', { from: formatDateVi(period.from), to: formatDateVi(period.to) }), input.counts.renewed, t, input.names),
        ],
      },
      {
        name: t('renewal.report.sheet_list'),
        tables: [
          {
            title: t('renewal.report.list_title', { quarter: label }),
            columns: [
              t('staff.candidates.col_no'), t('staff.candidates.col_contact'), t('staff.col.channel'), t('staff.col.track'),
              t('renewal.report.col_domain'), t('staff.col.locality'), t('renewal.report.col_free_until'),
              t('renewal.report.col_reminders'), t('renewal.report.col_renewed'),
            ],
            rows,
          },
        ],
      },
    ],
  };
}

/** Builds the export's document from the store: counts and list for the quarter. */
export async function renewalsReport(quarter: Quarter, store: RenewalStore, input: Omit<RenewalsInput, 'quarter' | 'counts' | 'list'>, t: BoundTranslate): Promise<ReportDocument> {
  const period = quarterPeriod(quarter);
  const range = { from: period.from, to: period.to };
  const [counts, list] = await Promise.all([store.counts(range, boundsOf(period)), store.list(range)]);
  return renewalsDocument({ ...input, quarter, counts, list }, t);
}
