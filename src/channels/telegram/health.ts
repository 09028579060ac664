/**
 * The Telegram channel's health for the Channel port: down until started and
 * after stop; with long polling, down while fetching updates fails (cleared by
 * the next fetch that works) and for good once the poller gave up.
 */
import type { ChannelHealth } from '../../core/ports.js';

export type TelegramHealth = {
  started(mode: 'polling' | 'webhook'): void;
  stopped(): void;
  /** A getUpdates call answered (ok) or failed. */
  fetched(ok: boolean): void;
  /** The poller ended on its own (409 conflict, revoked token…): only a restart helps. */
  pollingEnded(): void;
  health(): ChannelHealth;
};

export function createTelegramHealth(): TelegramHealth {
  let mode: 'stopped' | 'polling' | 'webhook' = 'stopped';
  let failing = false;
  let ended = false;
  return {
    started(next) {
      mode = next;
      ended = false;
    },
    stopped() {
      mode = 'stopped';
    },
    fetched(ok) {
      failing = !ok;
    },
    pollingEnded() {
      ended = true;
    },
    health() {
      if (mode === 'stopped') return { up: false, problem: 'stopped' };
      if (mode === 'polling' && ended) return { up: false, problem: 'polling_stopped' };
      if (mode === 'polling' && failing) return { up: false, problem: 'polling_failed' };
      return { up: true };
    },
  };
}
