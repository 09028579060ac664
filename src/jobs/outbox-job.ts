/**
 * Sends what a turn left in the outbox (issue #16): a turn writes its
 * messages to other chats in its commit and sends them right after; a row
 * is left only when the process stopped in between. Every `intervalMs`
 * (default 30 s) this job sends such rows once their hold has passed
 * (OUTBOX_HOLD_MS), through the channel of each address; a row that failed
 * 3 times is deleted (src/storage/sqlite-outbox.ts, postgres/coordination.ts).
 * With replicas the Zalo leader drains Zalo's rows itself (zalo-leader.ts),
 * so `channels` leaves 'zalo' out there; the tick runs in one process at a time.
 */
import type { Clock } from '../core/calendar.js';
import type { ChannelName } from '../core/message.js';
import type { Logger } from '../core/runner.js';
import { runHere, type Coordination, type Outbox, type OutboxSend } from '../storage/coordination.js';
import { intervalScheduler, type Scheduler } from './scheduler.js';

export type OutboxJobOptions = {
  readonly outbox: Outbox;
  /** The channels whose rows this process sends. */
  readonly channels: readonly ChannelName[];
  readonly send: OutboxSend;
  readonly clock: Clock;
  readonly log: Logger;
  readonly once?: Coordination['once'];
  /** Default: 30 s. */
  readonly intervalMs?: number;
  readonly schedule?: Scheduler;
};

export type OutboxJob = { runNow(): Promise<void>; stop(): void };

export function startOutboxJob(options: OutboxJobOptions): OutboxJob {
  const { outbox, clock, log } = options;
  const once = options.once ?? runHere;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  async function tick(): Promise<void> {
    if (stopped) return;
    try {
      await once('outbox', async () => {
        for (const channel of options.channels) {
          const result = await outbox.drain(channel, options.send, clock.now());
          if (result.sent + result.failed > 0) log.info('outbox: sent messages left by earlier turns', { channel, ...result });
        }
      });
    } catch (error) {
      log.warn('outbox: sending left messages failed; will retry at the next run', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  const runNow = (): Promise<void> => (running = running.then(tick));
  const cancel = (options.schedule ?? intervalScheduler)(() => void runNow(), options.intervalMs ?? 30_000);
  return {
    runNow,
    stop() {
      stopped = true;
      cancel();
    },
  };
}
