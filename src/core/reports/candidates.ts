/**
 * "Danh sách đề xuất tham gia Chương trình" (ward plan II.1 and II.3): people
 * who consented and were found eligible — businesses and households for
 * biz.vn, young citizens for id.vn — with the chat address to contact them
 * and their locality. Nothing else: no birth date, no ID number (none is
 * stored), and people who deleted their data have no row to list.
 */
import { formatDateVi, todayInVietnam, type IsoDate } from '../calendar.js';
import type { Track } from '../eligibility/types.js';
import type { Names, BoundTranslate } from './stats-text.js';
import type { Candidate, ReportDocument, ReportTable } from './types.js';

export type CandidatesInput = {
  readonly candidates: readonly Candidate[];
  readonly unit: string;
  readonly area: string;
  readonly madeOn: IsoDate;
  readonly names: Names;
};

function vietnamDate(iso: string): string {
  return formatDateVi(todayInVietnam({ now: () => new Date(iso) }));
}

function table(track: Track, input: CandidatesInput, t: BoundTranslate): ReportTable {
  const rows = input.candidates
    .filter((c) => c.track === track)
    .map((c, i) => [
      i + 1,
      c.address,
      c.channel,
      c.locality === null ? null : input.names.locality(c.locality),
      t(`staff.reason.${c.reason}`),
      vietnamDate(c.checkedAt),
      c.referrer === null ? null : `${c.referrer} — ${input.names.referrer(c.referrer)}`,
    ]);
  return {
    title: t(track === 'biz.vn' ? 'staff.candidates.bizvn_title' : 'staff.candidates.idvn_title'),
    columns: [
      t('staff.candidates.col_no'),
      t('staff.candidates.col_contact'),
      t('staff.col.channel'),
      t('staff.col.locality'),
      t('staff.candidates.col_group'),
      t('staff.candidates.col_checked'),
      t('staff.col.referrer'),
    ],
    rows,
  };
}

export function candidatesDocument(input: CandidatesInput, t: BoundTranslate): ReportDocument {
  return {
    title: t('staff.candidates.title'),
    lines: [
      t('staff.report.unit', { unit: input.unit, area: input.area }),
      t('staff.candidates.note'),
      t('staff.report.made_on', { date: formatDateVi(input.madeOn) }),
    ],
    sheets: [
      { name: 'biz.vn', tables: [table('biz.vn', input, t)] },
      { name: 'id.vn', tables: [table('id.vn', input, t)] },
    ],
  };
}
