/**
 * Counting without touching the core: decorators the composition root puts
 * around the Handler (messages, replies, turn time), the RecordStore (checks
 * recorded) and the Coordination (job runs, outbox drains, failure streaks).
 * Each behaves exactly like what it wraps: same values, same errors, and a
 * synchronous SQLite commit stays synchronous.
 */
import { parseAddress, type Handler, type Outgoing } from '../core/message.js';
import type { RecordStore, Write } from '../core/ports.js';
import type { Coordination } from '../storage/coordination.js';
import type { BotMetrics } from './metrics.js';

/** The reply texts that are not answers: the friendly apology and the slow-down notice, in every language. */
export type NoticeTexts = { readonly apology: readonly string[]; readonly rateLimited: readonly string[] };

function outcomeOf(messages: readonly Outgoing[], notices: NoticeTexts): string {
  const first = messages[0]?.text;
  if (messages.length === 1 && first !== undefined) {
    if (notices.apology.includes(first)) return 'apology';
    if (notices.rateLimited.includes(first)) return 'rate_limited';
  }
  return 'ok';
}

export function observeHandler(handle: Handler, metrics: BotMetrics, notices: NoticeTexts): Handler {
  return async (input) => {
    const channel = parseAddress(input.from)?.channel ?? 'unknown';
    metrics.messagesReceived.inc({ channel });
    const stopTimer = metrics.turnDuration.startTimer({ channel });
    try {
      const result = await handle(input);
      const { messages } = result;
      stopTimer();
      if (messages.length > 0) metrics.repliesSent.inc({ channel, outcome: outcomeOf(messages, notices) }, messages.length);
      return result;
    } catch (error) {
      stopTimer();
      metrics.repliesSent.inc({ channel, outcome: 'failed' });
      throw error;
    }
  };
}

function countChecks(metrics: BotMetrics, writes: readonly Write[]): void {
  for (const write of writes) if (write.type === 'check') metrics.checks.inc({ track: write.track, outcome: write.outcome });
}

/** Counts a turn's checks once its transaction has committed (a failed commit counts nothing). */
export function observeRecords(records: RecordStore, metrics: BotMetrics): RecordStore {
  return {
    getPerson: (address) => records.getPerson(address),
    listChecks: (query) => records.listChecks(query),
    countChecks: (query) => records.countChecks(query),
    checksOf: (address) => records.checksOf(address),
    countRegistrations: (query) => records.countRegistrations(query),
    commit(turn) {
      const committed = records.commit(turn);
      if (committed instanceof Promise) return committed.then((done) => (countChecks(metrics, turn.writes), done));
      countChecks(metrics, turn.writes);
      return committed;
    },
    commitTurn(address, state, writes, now) {
      const committed = records.commitTurn(address, state, writes, now);
      if (committed instanceof Promise) return committed.then(() => countChecks(metrics, writes));
      countChecks(metrics, writes);
      return committed;
    },
  };
}

/** Consecutive failed runs per job (a skipped tick neither breaks nor extends a streak). */
export type JobStreaks = ReadonlyMap<string, { readonly failures: number; readonly error: string }>;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 200);

/**
 * The store's coordination with every job tick (`once`) and Zalo outbox drain
 * counted in bot_job_runs_total, and failure streaks kept for the alerts.
 */
export function observeCoordination(coordination: Coordination, metrics: BotMetrics): Coordination & { readonly streaks: JobStreaks } {
  const streaks = new Map<string, { failures: number; error: string }>();
  const record = (job: string, outcome: 'ok' | 'failed' | 'skipped', error?: unknown): void => {
    metrics.jobRuns.inc({ job, outcome });
    if (outcome === 'ok') streaks.delete(job);
    if (outcome === 'failed') streaks.set(job, { failures: (streaks.get(job)?.failures ?? 0) + 1, error: messageOf(error) });
  };
  const { outbox } = coordination;
  return {
    streaks,
    withTurnLock: (address, fn) => coordination.withTurnLock(address, fn),
    lead: (role, handlers) => coordination.lead(role, handlers),
    async once(name, fn) {
      try {
        const run = await coordination.once(name, fn);
        record(name, run.ran ? 'ok' : 'skipped');
        return run;
      } catch (error) {
        record(name, 'failed', error);
        throw error;
      }
    },
    outbox: {
      enqueue: (channel, address, messages, now) => outbox.enqueue(channel, address, messages, now),
      settle: (id, delivered, now) => outbox.settle(id, delivered, now),
      async drain(channel, send, now, limit) {
        const job = `${channel}-outbox`;
        try {
          const result = await outbox.drain(channel, send, now, limit);
          record(job, 'ok');
          return result;
        } catch (error) {
          record(job, 'failed', error);
          throw error;
        }
      },
      ...(outbox.pending ? { pending: () => outbox.pending?.() ?? Promise.resolve(0) } : {}),
    },
  };
}
