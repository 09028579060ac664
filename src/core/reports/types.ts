/**
 * Report shapes shared by the chat, the CLI and the renderers: periods, the
 * GROUP BY rows the storage answers, and a channel-free document model
 * (sheets of titled tables) that src/reports turns into CSV, XLSX or a chart.
 */
import type { IsoDate } from '../calendar.js';
import type { Outcome, Reason, Track } from '../eligibility/types.js';
import type { ChannelName } from '../message.js';
import type { MaybePromise } from '../ports.js';
import type { PeriodAnalytics } from './funnel-sheet.js';
import type { RenewalStore } from '../renewal/types.js';

export type ExportReport = 'quarterly' | 'candidates';
export type ExportFormat = 'xlsx' | 'csv';

/** Inclusive calendar dates in Vietnam time; `quarter` ('2026-Q4') when it is one. */
export type Period = {
  readonly kind: 'quarter' | 'week' | 'month' | 'range';
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly quarter?: string;
};

/** Inclusive ISO UTC bounds of `created_at` (what CheckQuery takes). */
export type Bounds = { readonly from: string; readonly to: string };

/** One GROUP BY row: `key` is the locality, channel or referrer (null when none was recorded). */
export type KeyedCount = { readonly key: string | null; readonly track: Track; readonly outcome: Outcome; readonly count: number };

export type ReasonCount = { readonly track: Track; readonly reason: Reason; readonly count: number };

/** Every breakdown of a period, each answered by one GROUP BY in SQL. */
export type StatsRows = {
  readonly byTrack: readonly KeyedCount[];
  readonly byReason: readonly ReasonCount[];
  readonly byLocality: readonly KeyedCount[];
  readonly byChannel: readonly KeyedCount[];
  readonly byReferrer: readonly KeyedCount[];
  /** Per week (Monday, Vietnam time) and track, for the chart: from the same pass as track/reason/channel. */
  readonly byWeek: readonly WeeklyCount[];
};

/** Checks per week (weeks start on Monday, Vietnam time) and track. */
export type WeeklyCount = { readonly week: IsoDate; readonly track: Track; readonly checks: number; readonly eligible: number };

/** A consented person's eligible result: the "Danh sách đề xuất tham gia Chương trình". */
export type Candidate = {
  readonly address: string;
  readonly channel: ChannelName;
  readonly track: Track;
  readonly reason: Reason;
  readonly locality: string | null;
  readonly referrer: string | null;
  /** The latest eligible check of that track (ISO UTC). */
  readonly checkedAt: string;
};

/** Registered domains per track (issue #9 records them); the hook the report's "đã đăng ký" column uses. */
export type RegisteredCount = { readonly track: Track; readonly count: number };

export interface ReportQueries {
  stats(bounds: Bounds): MaybePromise<StatsRows>;
  /** One referral code's checks: all, eligible, and consented people who came with it. */
  referrerTotals(code: string): MaybePromise<{ checks: number; eligible: number; people: number }>;
  candidates(bounds?: Bounds): MaybePromise<Candidate[]>;
  /** Registrations in the period; absent until registrations are recorded (the column shows "—"). */
  registered?(bounds: Bounds): MaybePromise<RegisteredCount[]>;
  /** Funnel, 👍/👎 and assisted checks in the period (issue #11); absent: the report has no sheet for them. */
  analytics?(bounds: Bounds): MaybePromise<PeriodAnalytics>;
  /** Free periods ending and renewals reported (issue #22); absent: no renewal block, sheet or export. */
  readonly renewals?: RenewalStore;
}

/** A fraction shown as a percentage (0.456 → 45,6 %). */
export type Percent = { readonly percent: number };
export type Cell = string | number | null | Percent;

export type ReportTable = {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** The last N rows are totals (bold in XLSX). */
  readonly totals?: number;
};

export type ReportSheet = { readonly name: string; readonly tables: readonly ReportTable[] };

export type ReportDocument = {
  readonly title: string;
  /** Lines under the title: unit, period, deadline, date made. */
  readonly lines: readonly string[];
  readonly sheets: readonly ReportSheet[];
};

/** The chart of a period: checks and eligible per track, week by week. */
export type WeeklyChart = {
  readonly title: string;
  /** Week labels ("06/10"). */
  readonly weeks: readonly string[];
  readonly series: readonly { readonly label: string; readonly values: readonly number[] }[];
};

export type RenderedFile = { readonly name: string; readonly mime: string; readonly data: Uint8Array };

/** Rendering outside core (qrcode, resvg, exceljs): pure functions of their input, to bytes. */
export interface ReportRenderers {
  qrPng(text: string): Promise<Uint8Array>;
  chartPng(chart: WeeklyChart): Uint8Array;
  document(doc: ReportDocument, format: ExportFormat, baseName: string): Promise<RenderedFile>;
}
