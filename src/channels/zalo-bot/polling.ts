/**
 * Long polling: getUpdates with a 30 s wait, one update per answer. Error 408
 * (JSON or HTTP status) is an empty poll; any other failure waits with
 * exponential back-off (2 s … 5 min, jitter) and marks the channel down once
 * polling has failed three times in a row, until a poll succeeds again.
 */
import type { ChannelHealth } from '../../core/ports.js';
import type { Logger } from '../../core/runner.js';
import { backoffDelay, type BackoffOptions } from '../shared/backoff.js';
import { isEmptyPoll, isUnauthorized, type ZaloBotApi } from './bot-api.js';
import { updatesOf, type ZaloBotUpdate } from './to-input.js';

export type PollerDeps = {
  readonly api: ZaloBotApi;
  readonly onUpdate: (update: ZaloBotUpdate) => void;
  readonly onHealth: (health: ChannelHealth) => void;
  readonly log: Logger;
  readonly backoff: BackoffOptions;
  readonly random: () => number;
  /** Seconds the server may hold a poll. Default 30. */
  readonly timeoutSec?: number;
};

export const FAILURES_BEFORE_DOWN = 3;

export type Poller = { start(): void; stop(): Promise<void> };

export function createPoller(deps: PollerDeps): Poller {
  const timeoutSec = deps.timeoutSec ?? 30;
  let abort: AbortController | undefined;
  let loop: Promise<void> | undefined;

  const pause = (ms: number, signal: AbortSignal): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      }, { once: true });
    });

  async function run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        const result = await deps.api.call('getUpdates', { timeout: String(timeoutSec) }, { signal, timeoutMs: (timeoutSec + 15) * 1000 });
        if (failures > 0) deps.log.info('zalo-bot: polling works again', { after: failures });
        failures = 0;
        deps.onHealth({ up: true });
        for (const update of updatesOf(result)) deps.onUpdate(update);
      } catch (error) {
        if (signal.aborted) return;
        if (isEmptyPoll(error)) {
          if (failures > 0) deps.onHealth({ up: true });
          failures = 0;
          continue;
        }
        failures += 1;
        const wait = backoffDelay(failures, deps.backoff, deps.random);
        const fix = isUnauthorized(error) ? ' Check ZALO_BOT_TOKEN (copy it again from Zalo Bot Creator).' : '';
        deps.log.warn(`zalo-bot: getUpdates failed; retrying.${fix}`, { attempt: failures, retryInMs: wait, error: error instanceof Error ? error.message : String(error) });
        if (failures >= FAILURES_BEFORE_DOWN) deps.onHealth({ up: false, problem: isUnauthorized(error) ? 'unauthorized' : 'polling_failed' });
        await pause(wait, signal);
      }
    }
  }

  return {
    start() {
      if (loop) return;
      abort = new AbortController();
      loop = run(abort.signal);
    },
    async stop() {
      abort?.abort();
      await loop;
      loop = undefined;
    },
  };
}
