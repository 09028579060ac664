/**
 * Sends due follow-ups (reminders and queued broadcast messages) through the
 * person's channel, at most `ratePerSecond` messages a second, and marks each
 * sent or failed (a temporary failure is retried later, up to `maxAttempts`).
 * Rows live in SQLite, so a restart loses nothing. It runs once when started,
 * then every `intervalMs`; runs never overlap. Nothing starts on import:
 * main.ts calls startFollowupJob.
 */
import { todayInVietnam, type Clock } from '../core/calendar.js';
import { followupReplies } from '../core/features/outreach/followup-messages.js';
import type { Address, Locale, Outgoing, Reply } from '../core/message.js';
import type { FollowupStore } from '../core/outreach.js';
import type { ProgramData } from '../core/program.js';
import type { Logger } from '../core/runner.js';
import { runHere, type Coordination } from '../storage/coordination.js';
import { sendingHoursClosed } from '../core/renewal/dates.js';

export type FollowupJobOptions = {
  readonly store: FollowupStore;
  readonly clock: Clock;
  readonly program: ProgramData;
  /**
   * `deferUntil`: the channel cannot deliver to this person now (outside its window, e.g. a Zalo OA
   * 48 h / 7-day rule); the follow-up waits until then without counting an attempt.
   */
  readonly send: (address: Address, messages: readonly Outgoing[]) => Promise<SendResult>;
  readonly render: (replies: readonly Reply[], locale: Locale) => Outgoing[];
  readonly log: Logger;
  /** How often to look for due follow-ups. Default one minute. */
  readonly intervalMs?: number;
  /** Messages per second across all addresses. Default 1 (Zalo's pace; Telegram allows ~20). */
  readonly ratePerSecond?: number;
  /** Follow-ups taken per run. Default 200. */
  readonly batchSize?: number;
  /** Tries before a follow-up is marked failed. Default 3. */
  readonly maxAttempts?: number;
  /** Wait before retrying a failed send. Default 15 minutes. */
  readonly retryAfterMs?: number;
  /** Injected by tests (fake time). Default setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Replicas: one run at a time across processes (a busy tick elsewhere is skipped). */
  readonly once?: Coordination['once'];
};

export type SendResult = { ok: boolean; error?: string; permanent?: boolean; deferUntil?: Date };

export type FollowupRun = { sent: number; failed: number; retried: number; postponed?: number };

export type FollowupJob = {
  /** One pass over what is due now (what each tick does). */
  runOnce(): Promise<FollowupRun>;
  /** Stops the timer and waits for a run in progress to finish its current message. */
  stop(): Promise<void>;
};

const realSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });

/** The job without its timer: `runOnce` for tests and the CLI; `halt` ends a run after its current message. */
export function createFollowupJob(options: FollowupJobOptions): { runOnce(): Promise<FollowupRun>; halt(): void; isHalted(): boolean } {
  const rate = options.ratePerSecond ?? 1;
  if (!(rate > 0)) throw new Error(`ratePerSecond must be above 0 (got ${rate}). Use 1 for Zalo, up to 20 for Telegram.`);
  const spacingMs = 1000 / rate;
  const sleep = options.sleep ?? realSleep;
  const maxAttempts = options.maxAttempts ?? 3;
  const retryAfterMs = options.retryAfterMs ?? 15 * 60_000;
  let halted = false;

  async function runOnce(): Promise<FollowupRun> {
    const { store, clock, log } = options;
    const run: FollowupRun = { sent: 0, failed: 0, retried: 0 };
    const due = await store.due(clock.now(), options.batchSize ?? 200);
    for (const [index, followup] of due.entries()) {
      if (halted) break;
      // Issue #22: renewal messages go out only within the sending hours (08:00–21:00 Vietnam time by default).
      const closed = sendingHoursClosed(followup.kind, clock.now(), options.program);
      if (closed !== undefined && store.postpone !== undefined) {
        await store.postpone(followup.id, closed);
        run.postponed = (run.postponed ?? 0) + 1;
        continue;
      }
      if (index > 0) await sleep(spacingMs);
      const replies = followupReplies(followup, options.program, todayInVietnam(clock));
      let outcome: SendResult;
      try {
        outcome = await options.send(followup.address, options.render(replies, followup.locale));
      } catch (error) {
        outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      const now = clock.now();
      if (outcome.ok) {
        await store.markSent(followup.id, now);
        run.sent += 1;
        continue;
      }
      if (outcome.deferUntil !== undefined && store.postpone !== undefined) {
        await store.postpone(followup.id, outcome.deferUntil);
        run.postponed = (run.postponed ?? 0) + 1;
        continue;
      }
      const error = outcome.error ?? 'failed';
      if (outcome.permanent === true || followup.attempts + 1 >= maxAttempts) {
        await store.markFailed(followup.id, now, error);
        run.failed += 1;
      } else {
        await store.markFailed(followup.id, now, error, new Date(now.getTime() + retryAfterMs));
        run.retried += 1;
      }
      log.warn('follow-up not delivered', { address: followup.address, kind: followup.kind, error, attempt: followup.attempts + 1 });
    }
    if (due.length > 0) log.info('follow-ups run', { ...run });
    return run;
  }

  return {
    runOnce,
    halt: () => {
      halted = true;
    },
    isHalted: () => halted,
  };
}

export function startFollowupJob(options: FollowupJobOptions): FollowupJob {
  const job = createFollowupJob(options);
  const intervalMs = options.intervalMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();

  const once = options.once ?? runHere;
  const tick = (): void => {
    current = once('followups', () => job.runOnce())
      .catch((error: unknown) => options.log.error('follow-up run failed; will retry at the next run', { error: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        if (!job.isHalted()) {
          timer = setTimeout(tick, intervalMs);
          timer.unref();
        }
      });
  };
  tick();

  return {
    runOnce: () => job.runOnce(),
    async stop() {
      job.halt();
      if (timer !== undefined) clearTimeout(timer);
      await current;
    },
  };
}
