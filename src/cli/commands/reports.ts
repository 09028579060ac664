/**
 * `export --report quarterly --quarter 2026-Q4 --format xlsx|csv --out FILE`,
 * `export --report candidates --format xlsx|csv --out FILE` and
 * `stats --quarter 2026-Q4`: the staff reports from the command line, built
 * by the same code as /export and /stats in chat (Vietnamese headings).
 * Without --out the file goes to stdout (redirect it: `> report.xlsx`).
 */
import { parseArgs } from 'node:util';
import { text } from '../../core/message.js';
import type { Text } from '../../core/message.js';
import { todayInVietnam, type Clock } from '../../core/calendar.js';
import type { RecordStore } from '../../core/ports.js';
import type { ProgramData } from '../../core/program.js';
import { candidatesReport, namesFor, quarterlyReport, reportBaseName, type ReportSources } from '../../core/reports/build.js';
import { boundsOf, parseQuarter, quarterOf, quarterPeriod, type Quarter } from '../../core/reports/period.js';
import { statsText, type BoundTranslate } from '../../core/reports/stats-text.js';
import type { ExportFormat, RenderedFile } from '../../core/reports/types.js';
import type { StaffServices } from '../../core/staff.js';
import { renewalCountsFor, renewalStatsText, renewalsReport } from '../../core/renewal/report.js';

export type ReportCliDeps = {
  readonly staff: StaffServices;
  readonly records: Pick<RecordStore, 'countChecks'>;
  readonly program: ProgramData;
  readonly clock: Clock;
  /** i18n `t` in one language (Vietnamese unless --lang en). */
  readonly label: (text: Text) => string;
};

export const REPORTS = ['quarterly', 'candidates', 'renewals'] as const;

export function parseQuarterOption(value: string | undefined, clock: Clock): Quarter {
  if (value === undefined) return quarterOf(todayInVietnam(clock));
  const quarter = parseQuarter(value);
  if (quarter === undefined) throw new Error(`--quarter "${value}" is not a quarter. Use the form 2026-Q4 (year, then Q1–Q4).`);
  return quarter;
}

export function parseFormatOption(value: string | undefined): ExportFormat {
  if (value === undefined || value === 'xlsx') return 'xlsx';
  if (value === 'csv') return 'csv';
  throw new Error(`--format "${value}" is not supported with --report. Use --format xlsx or --format csv.`);
}

function sources(deps: ReportCliDeps): ReportSources {
  return {
    reports: deps.staff.reports,
    countChecks: (query) => deps.records.countChecks(query),
    staff: deps.staff.store,
    data: deps.program,
    area: deps.staff.area,
    localityName: deps.staff.localityName,
  };
}

function translate(deps: ReportCliDeps): BoundTranslate {
  return (key, params) => deps.label(text(key, params));
}

export async function exportReport(
  options: { report: string; quarter?: string | undefined; format?: string | undefined },
  deps: ReportCliDeps,
): Promise<RenderedFile> {
  if (!(REPORTS as readonly string[]).includes(options.report)) {
    throw new Error(`--report "${options.report}" is not a report. Use --report quarterly, --report candidates or --report renewals.`);
  }
  const format = parseFormatOption(options.format);
  const today = todayInVietnam(deps.clock);
  const t = translate(deps);
  if (options.report === 'candidates') {
    const quarter = options.quarter === undefined ? undefined : parseQuarterOption(options.quarter, deps.clock);
    const doc = await candidatesReport(sources(deps), today, t, quarter);
    return deps.staff.render.document(doc, format, reportBaseName('candidates'));
  }
  const quarter = parseQuarterOption(options.quarter, deps.clock);
  if (options.report === 'renewals') {
    // Issue #22: free periods ending in the quarter (consented people only, no birth dates) and renewals reported in it.
    const store = deps.staff.reports.renewals;
    if (store === undefined) throw new Error('This database has no renewal records (schema 7). Start the bot once to upgrade it, then try again.');
    const names = await namesFor(sources(deps));
    const doc = await renewalsReport(quarter, store, { unit: deps.program.contacts.team, area: deps.staff.area, madeOn: today, names }, t);
    return deps.staff.render.document(doc, format, `gia-han-${quarter.year}-Q${quarter.q}`);
  }
  const doc = await quarterlyReport(quarter, sources(deps), today, t);
  return deps.staff.render.document(doc, format, reportBaseName('quarterly', quarter));
}

/** `stats --quarter 2026-Q4`: the chat's /stats text for that quarter. */
export async function quarterStats(value: string, deps: ReportCliDeps): Promise<string> {
  const period = quarterPeriod(parseQuarterOption(value, deps.clock));
  const [rows, names] = await Promise.all([deps.staff.reports.stats(boundsOf(period)), namesFor(sources(deps))]);
  const store = deps.staff.reports.renewals;
  const renewal = store === undefined ? '' : `\n\n${renewalStatsText(period, await renewalCountsFor(period, store), translate(deps), names)}`;
  return `${statsText(period, rows, translate(deps), names)}${renewal}\n`;
}

/** `export --report …` and `stats --quarter …`: parses the options, opens what it needs, writes the file or text. */
export async function runReportCommand(
  command: 'export' | 'stats',
  args: readonly string[],
  deps: ReportCliDeps & { readonly write: (data: Uint8Array | string, out: string | undefined) => Promise<void> },
): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: { report: { type: 'string' }, quarter: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  });
  if (command === 'stats') {
    if (values.report !== undefined || values.format !== undefined || values.quarter === undefined) {
      throw new Error('stats takes no options, or --quarter 2026-Q4 (e.g. npm run cli -- stats --quarter 2026-Q4).');
    }
    await deps.write(await quarterStats(values.quarter, deps), values.out);
    return;
  }
  const file = await exportReport({ report: values.report ?? 'quarterly', quarter: values.quarter, format: values.format }, deps);
  await deps.write(file.data, values.out);
}
