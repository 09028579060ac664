/**
 * Renewal after the free years (issue #22): the types the renewal feature
 * shares with storage, the runner and the reports. Types only.
 */
import type { IsoDate } from '../calendar.js';
import type { Track } from '../eligibility/types.js';
import type { Address, ChannelName } from '../message.js';
import type { MaybePromise } from '../ports.js';

/** Staff-editable settings (data/program.json `renewal`). */
export type RenewalSettings = {
  /** Reminders this many days before the last free day (60, 30, 7). */
  readonly daysBefore: readonly number[];
  /** Vietnam time a reminder is scheduled for on its day ("09:00"). */
  readonly sendAt: string;
  /** Reminders go out only between these hours, Vietnam time ("08:00"–"21:00"). */
  readonly hours: { readonly from: string; readonly to: string };
};

/** One of a person's recorded registrations and its free period (what "hết hạn miễn phí khi nào" answers). */
export type FreePeriod = {
  readonly track: Track;
  readonly domain: string | null;
  /** The last free day. */
  readonly freeUntil: IsoDate;
  /** Renewal reminders still pending for that track. */
  readonly reminders: number;
  /** When the person last said they renewed this track (ISO), else null. */
  readonly renewedAt: string | null;
};

/** A count per track and locality (null: none recorded). */
export type RenewalCount = { readonly track: Track; readonly locality: string | null; readonly count: number };

export type RenewalCounts = {
  /** Registrations whose free period ends within the dates asked ("sắp hết miễn phí"). */
  readonly ending: readonly RenewalCount[];
  /** "Đã gia hạn": people who told the bot they renewed, within the bounds asked. */
  readonly renewed: readonly RenewalCount[];
};

/** A consented person's registration whose free period ends in the export's quarter. No birth date, ever. */
export type RenewalListRow = {
  readonly address: Address;
  readonly channel: ChannelName;
  readonly track: Track;
  readonly domain: string | null;
  readonly locality: string | null;
  readonly freeUntil: IsoDate;
  /** Renewal reminders still pending. */
  readonly reminders: boolean;
  /** When the person said they renewed that track (ISO), else null. */
  readonly renewedAt: string | null;
};

export type DateRange = { readonly from: IsoDate; readonly to: IsoDate };

/** Free periods, their counts and the export list; SQLite and PostgreSQL implement it alike. */
export interface RenewalStore {
  periodsOf(address: Address): MaybePromise<FreePeriod[]>;
  /** `ending`: free periods whose last day is in the range; `renewed`: reported within the ISO bounds. */
  counts(ending: DateRange, renewed: { from: string; to: string }): MaybePromise<RenewalCounts>;
  list(ending: DateRange): MaybePromise<RenewalListRow[]>;
}

/** Writes of a turn, applied by commitTurn with the rest of it. */
export type RenewalWrite =
  /** Reminders for a track (replacing pending ones) and the free period's last day on the person's latest registration of it. */
  | { type: 'renewal_reminders'; track: Track; freeUntil: IsoDate; dueAt: readonly string[] }
  /** "Đã gia hạn": counted (anonymously without consent); the track's pending reminders end. */
  | { type: 'renewal_reported'; track: Track; locality: string | null; anonymous: boolean };

/** "Tên miền của tôi hết hạn miễn phí khi nào": answered from storage by the runner. */
export type RenewalRequest = { type: 'renewal_when'; at: number };

export function isRenewalRequest(request: { readonly type: string }): request is RenewalRequest {
  return request.type === 'renewal_when';
}
