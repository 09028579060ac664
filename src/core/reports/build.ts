/**
 * Builds the report documents from the ports, for the chat (/export) and the
 * CLI (`export --report …`) alike: the quarter's breakdowns, cumulative counts
 * for the progress table, registrations when recorded, referrer labels.
 */
import type { IsoDate } from '../calendar.js';
import type { CheckQuery, CountRow, MaybePromise } from '../ports.js';
import type { ProgramData } from '../program.js';
import type { StaffStore } from '../staff.js';
import { candidatesDocument } from './candidates.js';
import { boundsOf, quarterPeriod, type Quarter } from './period.js';
import { quarterlyDocument } from './quarterly.js';
import { withFunnelSheet } from './funnel-sheet.js';
import { renewalCountsFor, withRenewalSheet } from '../renewal/report.js';
import type { Names, BoundTranslate } from './stats-text.js';
import type { Bounds, ReportDocument, ReportQueries } from './types.js';

export type ReportSources = {
  readonly reports: ReportQueries;
  /** RecordStore.countChecks: track × outcome over any range (cumulative progress). */
  readonly countChecks: (query: CheckQuery) => MaybePromise<CountRow[]>;
  readonly staff?: Pick<StaffStore, 'listReferrers'>;
  readonly data: ProgramData;
  readonly area: string;
  readonly localityName: (value: string) => string;
};

export async function namesFor(sources: ReportSources): Promise<Names> {
  const labels = new Map((await sources.staff?.listReferrers())?.map((r) => [r.code.toUpperCase(), r.label]) ?? []);
  return { locality: sources.localityName, referrer: (code) => labels.get(code.toUpperCase()) ?? code };
}

/** The quarter as file-name text: bao-cao-quy-2026-Q4. */
export function reportBaseName(kind: 'quarterly' | 'candidates', quarter?: Quarter): string {
  if (kind === 'candidates') return 'danh-sach-de-xuat';
  return quarter === undefined ? 'bao-cao-quy' : `bao-cao-quy-${quarter.year}-Q${quarter.q}`;
}

export async function quarterlyReport(quarter: Quarter, sources: ReportSources, today: IsoDate, t: BoundTranslate): Promise<ReportDocument> {
  const period = quarterPeriod(quarter);
  const bounds = boundsOf(period);
  // Progress toward the province's 2026–2030 targets counts from the plan's first day.
  const sinceStart: Bounds = boundsOf({ from: sources.data.targets.province.from, to: period.to });
  const [rows, cumulative, names] = await Promise.all([
    sources.reports.stats(bounds),
    sources.countChecks({ from: sinceStart.from, to: sinceStart.to }),
    namesFor(sources),
  ]);
  const hook = sources.reports.registered;
  const registered = hook === undefined ? undefined : { quarter: await hook(bounds), cumulative: await hook(sinceStart) };
  const analytics = await sources.reports.analytics?.(bounds);
  const doc = quarterlyDocument(
    {
      quarter,
      rows,
      cumulative,
      ...(registered === undefined ? {} : { registered }),
      targets: sources.data.targets,
      unit: sources.data.contacts.team,
      area: sources.area,
      madeOn: today,
      names,
    },
    t,
  );
  // Issue #22: free periods ending next quarter and renewals reported in this one, per track and locality.
  const renewals = sources.reports.renewals;
  const withRenewals = renewals === undefined ? doc : withRenewalSheet(doc, quarter, await renewalCountsFor(period, renewals), t, names);
  // Issue #11: the funnel, feedback and assisted checks of the quarter, a sheet of its own (the last one).
  return analytics === undefined ? withRenewals : withFunnelSheet(withRenewals, analytics, t);
}

/** Consented, eligible people; within the quarter's checks when one is given. */
export async function candidatesReport(sources: ReportSources, today: IsoDate, t: BoundTranslate, quarter?: Quarter): Promise<ReportDocument> {
  const bounds = quarter === undefined ? undefined : boundsOf(quarterPeriod(quarter));
  const [candidates, names] = await Promise.all([sources.reports.candidates(bounds), namesFor(sources)]);
  return candidatesDocument({ candidates, unit: sources.data.contacts.team, area: sources.area, madeOn: today, names }, t);
}
