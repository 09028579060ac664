/**
 * Zalo allows one web session per account, so with several replicas only
 * the leader (src/storage/coordination.ts `lead`) runs the Zalo listener.
 * `underLeadership(zalo, …)` returns the channel the rest of the process
 * uses: starting it campaigns for leadership; the leader starts the real
 * channel and drains the outbox every `drainEveryMs`; on any other replica,
 * `send` (reminders, broadcasts, handoff answers) queues in the outbox.
 * When the leader dies, another replica takes over at its next try.
 */
import type { Address, Outgoing } from '../core/message.js';
import type { Channel, Clock } from '../core/ports.js';
import type { Logger } from '../core/runner.js';
import type { Coordination, Leadership } from '../storage/coordination.js';

export type ZaloLeaderDeps = {
  readonly coordination: Coordination;
  readonly clock: Clock;
  readonly log: Logger;
  /** Default 2 s. */
  readonly drainEveryMs?: number;
  /** Called when this process gains or loses the listener (tests, logs). */
  readonly onChange?: (leader: boolean) => void;
};

export function underLeadership(zalo: Channel, deps: ZaloLeaderDeps): Channel & { isLeader(): boolean } {
  const { coordination, log } = deps;
  let leadership: Leadership | undefined;
  let timer: NodeJS.Timeout | undefined;
  let draining: Promise<unknown> = Promise.resolve();

  /** The outbox's contract: a message not delivered rejects (and stays queued for a retry). */
  const direct = async (address: Address, messages: readonly Outgoing[]): Promise<void> => {
    const outcome = await zalo.send(address, messages);
    if (outcome.status !== 'ok') throw new Error(`not delivered: ${outcome.status === 'failed' ? outcome.error : outcome.status}`);
  };

  const drain = (): void => {
    draining = draining
      .then(() => coordination.outbox.drain('zalo', direct, deps.clock.now()))
      .then((result) => {
        if (result.sent + result.failed > 0) log.info('zalo outbox drained', result);
      })
      .catch((error: unknown) => log.warn('zalo outbox drain failed', { error: error instanceof Error ? error.message : String(error) }));
  };

  return {
    name: zalo.name,
    isLeader: () => leadership?.isLeader() ?? false,
    // Another replica holds the listener: standing by is healthy here (the leader reports Zalo's own health).
    health: () => (leadership === undefined ? { up: false, problem: 'stopped' } : leadership.isLeader() ? (zalo.health?.() ?? { up: true }) : { up: true }),
    async start() {
      leadership ??= coordination.lead('zalo', {
        onGain: async () => {
          log.info('zalo: this replica holds the Zalo listener');
          deps.onChange?.(true);
          await zalo.start();
          timer = setInterval(drain, deps.drainEveryMs ?? 2_000);
          timer.unref();
          drain();
        },
        onLose: async () => {
          log.warn('zalo: leadership lost; stopping the Zalo listener here');
          clearInterval(timer);
          deps.onChange?.(false);
          await draining;
          await zalo.stop();
        },
      });
    },
    async stop() {
      await leadership?.stop();
    },
    async send(address, messages) {
      if (leadership?.isLeader() === true) return zalo.send(address, messages);
      // Queued for the leader: as good as sent from here (the leader's drain retries and logs).
      await coordination.outbox.enqueue('zalo', address, messages, deps.clock.now());
      return { status: 'ok' };
    },
  };
}
