/**
 * The team's quarterly report ("Kết quả, số lượng đăng ký thực hiện", ward
 * plan IV.1: every quarter, before the 10th of its last month) as a document
 * of titled tables: results per track and outcome, progress against the
 * targets in data/program.json, then per locality, channel, referrer and
 * reason. Registrations come from the `registered` hook (issue #9); until
 * they are recorded the column says so instead of showing a zero.
 */
import { formatDateVi, type IsoDate } from '../calendar.js';
import { TRACKS, type Track } from '../eligibility/types.js';
import type { ProgramData } from '../program.js';
import { byKey, byTrack, sumTallies, type Tally } from './aggregate.js';
import { quarterPeriod, reportDeadline, type Quarter } from './period.js';
import { periodLabel, type Names, type BoundTranslate } from './stats-text.js';
import type { Cell, KeyedCount, RegisteredCount, ReportDocument, ReportTable, StatsRows } from './types.js';

export type QuarterlyInput = {
  readonly quarter: Quarter;
  /** The quarter's breakdowns. */
  readonly rows: StatsRows;
  /** Track × outcome from the program's start to the quarter's end (progress is cumulative). */
  readonly cumulative: readonly Pick<KeyedCount, 'track' | 'outcome' | 'count'>[];
  /** Registrations in the quarter and cumulative; undefined until registrations are recorded. */
  readonly registered?: { readonly quarter: readonly RegisteredCount[]; readonly cumulative: readonly RegisteredCount[] };
  readonly targets: ProgramData['targets'];
  /** Who reports ("Tổ công nghệ số cộng đồng phường") and where ("Phường Kiến An, Thành phố Hải Phòng"). */
  readonly unit: string;
  readonly area: string;
  readonly madeOn: IsoDate;
  readonly names: Names;
};

function registeredOf(rows: readonly RegisteredCount[] | undefined, track?: Track): number | null {
  if (rows === undefined) return null;
  return rows.filter((r) => track === undefined || r.track === track).reduce((sum, r) => sum + r.count, 0);
}

function ratio(value: number | null, target: number): Cell {
  return value === null || target <= 0 ? null : { percent: value / target };
}

function resultsTable(input: QuarterlyInput, t: BoundTranslate): ReportTable {
  const tracks = byTrack(input.rows.byTrack);
  const cells = (tally: Tally, registered: number | null): Cell[] => [
    tally.checks, tally.eligible, tally.notEligible, tally.undetermined, registered ?? t('staff.report.not_recorded'),
  ];
  const total = sumTallies(TRACKS.map((track) => tracks[track]));
  return {
    title: t('staff.report.results_title'),
    columns: [t('staff.report.col_track'), t('staff.col.checks'), t('staff.col.eligible'), t('staff.col.not_eligible'), t('staff.col.undetermined'), t('staff.report.col_registered')],
    rows: [
      [t('staff.report.track_idvn'), ...cells(tracks['id.vn'], registeredOf(input.registered?.quarter, 'id.vn'))],
      [t('staff.report.track_bizvn'), ...cells(tracks['biz.vn'], registeredOf(input.registered?.quarter, 'biz.vn'))],
      [t('staff.col.total'), ...cells(total, registeredOf(input.registered?.quarter))],
    ],
    totals: 1,
  };
}

function progressTable(input: QuarterlyInput, t: BoundTranslate): ReportTable {
  const { ward, province } = input.targets;
  const eligible = byTrack(input.cumulative);
  const registered = input.registered?.cumulative;
  const wardRow = (track: Track, group: number, share: { min: number; max: number }, key: string): Cell[] => {
    const min = Math.ceil(group * share.min);
    const target = group > 0 ? `${min}–${Math.ceil(group * share.max)}` : t('staff.report.group_not_set');
    const done = registeredOf(registered, track);
    const label = t(key, { min: Math.round(share.min * 100), max: Math.round(share.max * 100), group, deadline: formatDateVi(ward.deadline) });
    return [label, target, eligible[track].eligible, done ?? t('staff.report.not_recorded'), ratio(eligible[track].eligible, group > 0 ? min : 0), ratio(done, group > 0 ? min : 0)];
  };
  const allEligible = eligible['id.vn'].eligible + eligible['biz.vn'].eligible;
  const allDone = registeredOf(registered);
  const idvnDone = registeredOf(registered, 'id.vn');
  return {
    title: t('staff.report.progress_title'),
    columns: [t('staff.report.col_target'), t('staff.report.col_goal'), t('staff.report.col_eligible_total'), t('staff.report.col_registered_total'), t('staff.report.col_eligible_ratio'), t('staff.report.col_registered_ratio')],
    rows: [
      wardRow('id.vn', ward.groups.youth, ward.idvnShare, 'staff.report.target_ward_idvn'),
      wardRow('biz.vn', ward.groups.businesses, ward.bizvnShare, 'staff.report.target_ward_bizvn'),
      [t('staff.report.target_province', { period: province.period }), province.domains, allEligible, allDone ?? t('staff.report.not_recorded'), ratio(allEligible, province.domains), ratio(allDone, province.domains)],
      [t('staff.report.target_province_idvn'), province.idvn, eligible['id.vn'].eligible, idvnDone ?? t('staff.report.not_recorded'), ratio(eligible['id.vn'].eligible, province.idvn), ratio(idvnDone, province.idvn)],
    ],
  };
}

function keyedTable(title: string, first: readonly string[], rows: readonly KeyedCount[], name: (key: string | null) => readonly string[], t: BoundTranslate): ReportTable {
  const entries = byKey(rows);
  const total = sumTallies(entries.map((e) => e.all));
  return {
    title,
    columns: [...first, t('staff.col.checks'), t('staff.report.col_eligible_idvn'), t('staff.report.col_eligible_bizvn'), t('staff.col.eligible')],
    rows: [
      ...entries.map((e) => [...name(e.key), e.all.checks, e.tracks['id.vn'].eligible, e.tracks['biz.vn'].eligible, e.all.eligible]),
      [t('staff.col.total'), ...first.slice(1).map(() => ''), total.checks, sumTallies(entries.map((e) => e.tracks['id.vn'])).eligible, sumTallies(entries.map((e) => e.tracks['biz.vn'])).eligible, total.eligible],
    ],
    totals: 1,
  };
}

export function quarterlyDocument(input: QuarterlyInput, t: BoundTranslate): ReportDocument {
  const period = quarterPeriod(input.quarter);
  const none = t('staff.stats.none');
  const reasons = [...input.rows.byReason].sort((a, b) => a.track.localeCompare(b.track) || b.count - a.count);
  return {
    title: t('staff.report.title', { period: periodLabel(period, t) }),
    lines: [
      t('staff.report.unit', { unit: input.unit, area: input.area }),
      t('staff.report.period', { period: periodLabel(period, t) }),
      t('staff.report.deadline', { date: formatDateVi(reportDeadline(input.quarter)) }),
      t('staff.report.made_on', { date: formatDateVi(input.madeOn) }),
    ],
    sheets: [
      { name: t('staff.report.sheet_summary'), tables: [resultsTable(input, t), progressTable(input, t)] },
      {
        name: t('staff.report.sheet_locality'),
        tables: [keyedTable(t('staff.report.locality_title'), [t('staff.col.locality')], input.rows.byLocality, (k) => [k === null ? none : input.names.locality(k)], t)],
      },
      {
        name: t('staff.report.sheet_channel'),
        tables: [keyedTable(t('staff.report.channel_title'), [t('staff.col.channel')], input.rows.byChannel, (k) => [k ?? none], t)],
      },
      {
        name: t('staff.report.sheet_referrer'),
        tables: [
          keyedTable(t('staff.report.referrer_title'), [t('staff.report.col_code'), t('staff.report.col_label')], input.rows.byReferrer, (k) =>
            k === null ? [t('staff.stats.no_referrer'), ''] : [k, input.names.referrer(k)], t),
        ],
      },
      {
        name: t('staff.report.sheet_reason'),
        tables: [{ title: t('staff.report.reason_title'), columns: [t('staff.report.col_track'), t('staff.col.reason'), t('staff.col.checks')], rows: reasons.map((r) => [r.track, t(`staff.reason.${r.reason}`), r.count]) }],
      },
    ],
  };
}
