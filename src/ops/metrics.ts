/**
 * The Prometheus metrics of one bot process (prom-client): the default
 * process metrics plus what the bot does. Labels are channel names, tracks,
 * outcomes and job names only — never a chat address, id or text. Each call
 * makes its own registry, so tests (and several bots in one process) never
 * share counters.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ChannelHealth } from '../core/ports.js';

export type BotMetrics = {
  readonly registry: Registry;
  readonly messagesReceived: Counter<'channel'>;
  readonly repliesSent: Counter<'channel' | 'outcome'>;
  readonly turnDuration: Histogram<'channel'>;
  readonly checks: Counter<'track' | 'outcome'>;
  readonly channelUp: Gauge<'channel'>;
  readonly jobRuns: Counter<'job' | 'outcome'>;
  readonly outboxPending: Gauge;
};

export type MetricSources = {
  /** Each running channel's health, read at every scrape. */
  channels(): readonly { readonly name: string; readonly health: ChannelHealth }[];
  /** Messages waiting in the replicas' outbox (0 for one process). */
  outboxPending(): Promise<number>;
};

export function createMetrics(sources: MetricSources): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    messagesReceived: new Counter({
      name: 'bot_messages_received_total',
      help: 'Messages (texts and button presses) handed to the assistant, by channel.',
      labelNames: ['channel'],
      registers,
    }),
    repliesSent: new Counter({
      name: 'bot_replies_sent_total',
      help: 'Reply messages produced for a channel: outcome ok, apology (the friendly error), rate_limited, or failed (a turn that threw, counted once).',
      labelNames: ['channel', 'outcome'],
      registers,
    }),
    turnDuration: new Histogram({
      name: 'bot_turn_duration_seconds',
      help: 'Time from a message reaching the assistant to its replies being ready, by channel.',
      labelNames: ['channel'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    checks: new Counter({
      name: 'bot_checks_total',
      help: 'Eligibility checks recorded, by track (id.vn, biz.vn) and outcome.',
      labelNames: ['track', 'outcome'],
      registers,
    }),
    channelUp: new Gauge({
      name: 'bot_channel_up',
      help: '1 while the channel is up, 0 while it is down (logged out, polling failed, stopped).',
      labelNames: ['channel'],
      registers,
      collect() {
        for (const channel of sources.channels()) this.set({ channel: channel.name }, channel.health.up ? 1 : 0);
      },
    }),
    jobRuns: new Counter({
      name: 'bot_job_runs_total',
      help: 'Scheduled job runs: outcome ok, failed, or skipped (another replica ran that tick).',
      labelNames: ['job', 'outcome'],
      registers,
    }),
    outboxPending: new Gauge({
      name: 'bot_outbox_pending',
      help: 'Messages waiting in the outbox: for the replica that holds the Zalo listener, or a turn\'s messages to other chats not yet sent (normally 0).',
      registers,
      async collect() {
        try {
          this.set(await sources.outboxPending());
        } catch {
          // The database is down: keep the last value; /readyz says so.
        }
      },
    }),
  };
}
