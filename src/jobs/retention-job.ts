/**
 * The daily in-process retention purge (see src/storage/retention.ts). It runs
 * once when started, then every `intervalMs` (default one day); a failure is
 * logged and retried at the next tick, never thrown. The timer does not keep
 * the process alive. Nothing starts on import: main.ts calls startRetentionJob.
 */
import type { Clock } from '../core/calendar.js';
import type { Logger } from '../core/runner.js';
import type { MaybePromise } from '../core/ports.js';
import { runHere, type Coordination } from '../storage/coordination.js';
import { DAY_MS, type PurgeResult } from '../storage/retention.js';

/** Calls `run` every `everyMs`; returns a function that cancels. Injected by tests. */
import { intervalScheduler, type Scheduler } from './scheduler.js';

export { intervalScheduler, type Scheduler };

export type RetentionJobOptions = {
  readonly store: { purgeExpired(now: Date, retentionDays: number): MaybePromise<PurgeResult> };
  /** Replicas: the purge runs in one process at a time (a busy tick elsewhere is skipped). */
  readonly once?: Coordination['once'];
  readonly clock: Clock;
  readonly retentionDays: number;
  readonly log: Logger;
  /** Default: one day. */
  readonly intervalMs?: number;
  readonly schedule?: Scheduler;
};

export type RetentionJob = {
  /** Runs a purge now (also what each tick does); undefined when it failed or the job is stopped. */
  runNow(): Promise<PurgeResult | undefined>;
  stop(): void;
};

export function startRetentionJob(options: RetentionJobOptions): RetentionJob {
  const { store, clock, retentionDays, log } = options;
  const intervalMs = options.intervalMs ?? DAY_MS;
  if (!(intervalMs >= 1000)) {
    throw new Error(`Retention job interval must be at least 1000 ms (got ${intervalMs}). Leave intervalMs unset for once a day.`);
  }
  let stopped = false;

  const once = options.once ?? runHere;

  async function runNow(): Promise<PurgeResult | undefined> {
    if (stopped) return undefined;
    try {
      const run = await once('retention', async () => store.purgeExpired(clock.now(), retentionDays));
      if (!run.ran) return undefined;
      log.info('retention purge', { retentionDays, ...run.value });
      return run.value;
    } catch (error) {
      log.error('retention purge failed; will retry at the next run', {
        retentionDays,
        error: error instanceof Error ? error.message : String(error),
      });
      return undefined;
    }
  }

  void runNow();
  const cancel = (options.schedule ?? intervalScheduler)(() => void runNow(), intervalMs);
  return {
    runNow,
    stop() {
      if (stopped) return;
      stopped = true;
      cancel();
    },
  };
}
