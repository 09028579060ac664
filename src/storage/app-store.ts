/**
 * The store the running bot and the CLI use, whichever database is behind
 * it: SQLite (the default, one process) or PostgreSQL (DATABASE_URL, several
 * processes). Everything here returns MaybePromise or Promise, so callers
 * never know which one they talk to.
 */
import type { AnalyticsQueries } from '../core/funnel.js';
import type { HandoffStore } from '../core/handoff.js';
import type { FollowupStore, RecordStore, SessionStore } from '../core/ports.js';
import type { ReportQueries } from '../core/reports/types.js';
import type { StaffStore } from '../core/staff.js';
import type { ZaloOaStore } from '../core/zalo-oa.js';
import type { Coordination } from './coordination.js';
import type { PurgeResult } from './retention.js';
import type { RandomInt } from './staff-codes.js';

export type StoreKind = 'sqlite' | 'postgres';

export type AppStore<S> = {
  readonly kind: StoreKind;
  readonly sessions: SessionStore<S>;
  readonly records: RecordStore;
  readonly followups: FollowupStore;
  readonly handoffs: HandoffStore;
  readonly analytics: AnalyticsQueries;
  readonly reports: ReportQueries;
  /** Team, invites and referrers; `random` only for deterministic codes in tests. */
  staff(random?: RandomInt): StaffStore;
  /** The retention purge (src/storage/retention.ts rules) in one transaction. */
  purgeExpired(now: Date, retentionDays: number): Promise<PurgeResult>;
  /** The Zalo OA channel's tokens and followers' last message times (issue #19). */
  readonly zaloOa: ZaloOaStore;
  /** Turn locks, once-only jobs, leadership and the outbox: trivial for one process, real for replicas. */
  readonly coordination: Coordination;
  close(): void | Promise<void>;
};
