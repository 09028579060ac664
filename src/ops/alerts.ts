/**
 * Alerts to the admins (ADMINS) in chat: every `everyMs` (default 30 s) the
 * channels' health and the jobs' failure streaks are read, the alert book
 * (alert-book.ts) decides what to say, and each admin gets it in their own
 * language through the channel of their address. A send that fails is
 * logged (the admin may be on the very channel that is down); nothing here
 * throws. Texts: locales/<lang>/ops.json.
 */
import type { Address, Locale, Outgoing, Text } from '../core/message.js';
import { formatVietnamTime } from '../core/calendar.js';
import type { Channel, Clock } from '../core/ports.js';
import type { Logger } from '../core/runner.js';
import type { ProactiveOutcome } from '../jobs/channel-send.js';
import { intervalScheduler, type Scheduler } from '../jobs/scheduler.js';
import { createAlertBook, type AlertEvent, type Problem } from './alert-book.js';
import type { JobStreaks } from './instrument.js';

export type AlertOptions = {
  readonly admins: readonly Address[];
  readonly channels: () => readonly Channel[];
  readonly streaks: JobStreaks;
  readonly send: (address: Address, messages: readonly Outgoing[]) => Promise<ProactiveOutcome>;
  readonly t: (locale: Locale, key: string, params?: Text['params']) => string;
  readonly has: (key: string) => boolean;
  readonly localeOf: (address: Address) => Promise<Locale>;
  readonly clock: Clock;
  readonly log: Logger;
  /** Names this process in the texts (several replicas may alert). */
  readonly host: string;
  /** How often health is read. Default 30 s. */
  readonly everyMs?: number;
  /** How long a channel must stay down before admins hear of it. Default 60 s. */
  readonly downGraceMs?: number;
  /** Failed runs in a row before a job is "failing". Default 3. */
  readonly jobFailures?: number;
  readonly schedule?: Scheduler;
};

export type Alerts = {
  /** Reads health now and sends what is due; resolves to the number of messages sent. */
  tick(): Promise<number>;
  stop(): void;
};

const DEFAULTS = { everyMs: 30_000, downGraceMs: 60_000, jobFailures: 3 } as const;

const NAMES: Readonly<Record<string, string>> = { telegram: 'Telegram', zalo: 'Zalo', 'zalo-oa': 'Zalo OA', 'zalo-bot': 'Zalo Bot', console: 'Console' };
const display = (name: string): string => NAMES[name] ?? name;

/** What is wrong right now, as the alert book's problems. */
export function currentProblems(options: Pick<AlertOptions, 'channels' | 'streaks' | 'downGraceMs' | 'jobFailures'>): Problem[] {
  const problems: Problem[] = [];
  for (const channel of options.channels()) {
    const health = channel.health?.();
    if (health === undefined) continue;
    const problem = health.problem ?? 'down';
    const params = { channel: display(channel.name), problem };
    if (!health.up) {
      problems.push({ kind: `channel_down:${channel.name}`, key: 'ops.channel_down', params, detail: problem, graceMs: options.downGraceMs ?? DEFAULTS.downGraceMs });
    } else if (health.problem !== undefined) {
      problems.push({ kind: `channel_warning:${channel.name}:${health.problem}`, key: 'ops.channel_warning', params });
    }
  }
  const needed = options.jobFailures ?? DEFAULTS.jobFailures;
  for (const [job, streak] of options.streaks) {
    if (streak.failures >= needed) {
      problems.push({ kind: `job_failing:${job}`, key: 'ops.job_failing', params: { job, failures: streak.failures, error: streak.error } });
    }
  }
  return problems;
}

export function startAlerts(options: AlertOptions): Alerts {
  const book = createAlertBook();
  let stopped = false;
  let running: Promise<number> | undefined;

  function render(event: AlertEvent, locale: Locale): string {
    const params: Record<string, string | number | Text> = { ...event.params, host: options.host, since: formatVietnamTime(event.since) };
    const problem = event.params['problem'];
    if (typeof problem === 'string' && options.has(`ops.problem.${problem}`)) params['problem'] = { key: `ops.problem.${problem}` };
    return options.t(locale, event.key, params);
  }

  async function deliver(events: readonly AlertEvent[]): Promise<number> {
    let sent = 0;
    for (const admin of options.admins) {
      const locale = await options.localeOf(admin).catch((): Locale => 'vi');
      for (const event of events) {
        const outcome = await options.send(admin, [{ text: render(event, locale) }]).catch((error: unknown): ProactiveOutcome => ({ ok: false, error: String(error) }));
        if (outcome.ok) sent += 1;
        else options.log.warn('ops alert not delivered', { address: admin, alert: event.kind, error: outcome.error });
      }
    }
    return sent;
  }

  async function tick(): Promise<number> {
    const events = book.update(options.clock.now(), currentProblems(options));
    for (const event of events) options.log[event.recovered ? 'info' : 'warn']('ops alert', { alert: event.kind, recovered: event.recovered, ...event.params });
    if (events.length === 0 || options.admins.length === 0) return 0;
    return deliver(events);
  }

  const runNow = (): Promise<number> => {
    if (stopped) return Promise.resolve(0);
    running ??= tick()
      .catch((error: unknown) => {
        options.log.error('ops alerts failed', { error: error instanceof Error ? error.message : String(error) });
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const cancel = (options.schedule ?? intervalScheduler)(() => void runNow(), options.everyMs ?? DEFAULTS.everyMs);
  return {
    tick: runNow,
    stop() {
      stopped = true;
      cancel();
    },
  };
}
