/**
 * Reminds team members who opted in (/remind on) that the quarterly report is
 * due: three days before the 10th of the quarter's last month (ward plan IV).
 * The schedule is the pure `reminderDue(today)` (src/core/reports/period.ts);
 * this job only asks it every hour, sends between 08:00 and 21:00 Vietnam
 * time, and marks each member reminded for the quarter, so restarts never
 * send twice and a bot that was down on the day still reminds before the
 * deadline. A failed send is logged and retried at the next tick.
 * Nothing starts on import: main.ts calls startQuarterlyReminderJob.
 */
import { formatDateVi, vietnamMoment, type Clock } from '../core/calendar.js';
import { text, type Address, type Locale, type Outgoing, type Reply } from '../core/message.js';
import { quarterId, reminderDue, reportDeadline, type Quarter } from '../core/reports/period.js';
import type { Logger } from '../core/runner.js';
import type { StaffStore } from '../core/staff.js';
import { runHere, type Coordination } from '../storage/coordination.js';

const HOUR_MS = 3_600_000;
/** Vietnam hours when a reminder may go out: [from, to). */
export const SEND_HOURS = { from: 8, to: 21 } as const;

import { intervalScheduler, type Scheduler } from './scheduler.js';

export type ReminderScheduler = Scheduler;

export type QuarterlyReminderOptions = {
  readonly staff: Pick<StaffStore, 'reminderRecipients' | 'markReminded'>;
  /** Replicas: one run at a time across processes (a busy tick elsewhere is skipped). */
  readonly once?: Coordination['once'];
  readonly clock: Clock;
  /** i18n render (createI18n().render): the reminder in each member's language. */
  readonly render: (replies: readonly Reply[], locale: Locale) => Outgoing[];
  /** Sends outside a turn (a channel's `send`, routed by the address's channel). */
  readonly send: (address: Address, messages: readonly Outgoing[]) => Promise<void>;
  readonly log: Logger;
  /** Default: one hour. */
  readonly intervalMs?: number;
  readonly schedule?: ReminderScheduler;
};

export type QuarterlyReminderJob = {
  /** One tick: sends what is due; resolves to the number of reminders sent. */
  runNow(): Promise<number>;
  stop(): void;
};

export function reminderReply(quarter: Quarter): Reply {
  return { text: text('staff.reminder', { quarter: quarterId(quarter), deadline: formatDateVi(reportDeadline(quarter)) }) };
}

/** The quarter to remind about at `now`, or undefined (wrong day or outside sending hours). */
export function dueAt(now: Date): Quarter | undefined {
  const { day, minute } = vietnamMoment(now);
  const hour = Math.floor(minute / 60);
  if (hour < SEND_HOURS.from || hour >= SEND_HOURS.to) return undefined;
  return reminderDue(day);
}

export function startQuarterlyReminderJob(options: QuarterlyReminderOptions): QuarterlyReminderJob {
  const intervalMs = options.intervalMs ?? HOUR_MS;
  if (!(intervalMs >= 1000)) {
    throw new Error(`Quarterly reminder interval must be at least 1000 ms (got ${intervalMs}). Leave intervalMs unset for once an hour.`);
  }
  let stopped = false;
  let running: Promise<number> | undefined;

  async function tick(): Promise<number> {
    const quarter = dueAt(options.clock.now());
    if (quarter === undefined) return 0;
    const id = quarterId(quarter);
    let sent = 0;
    for (const member of await options.staff.reminderRecipients(id)) {
      if (stopped) break;
      try {
        await options.send(member.address, options.render([reminderReply(quarter)], member.locale));
        await options.staff.markReminded(member.address, id);
        sent += 1;
      } catch (error) {
        options.log.warn('quarterly reminder not sent; will retry at the next tick', {
          address: member.address,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    if (sent > 0) options.log.info('quarterly reminders sent', { quarter: id, sent });
    return sent;
  }

  const once = options.once ?? runHere;

  function runNow(): Promise<number> {
    if (stopped) return Promise.resolve(0);
    // One tick at a time: a slow send never overlaps the next tick.
    running ??= once('quarterly-reminder', tick)
      .then((run) => (run.ran ? run.value : 0))
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  void runNow().catch((error: unknown) => options.log.error('quarterly reminder failed', { error: String(error) }));
  const cancel = (options.schedule ?? intervalScheduler)(() => {
    void runNow().catch((error: unknown) => options.log.error('quarterly reminder failed', { error: String(error) }));
  }, intervalMs);
  return {
    runNow,
    stop() {
      if (stopped) return;
      stopped = true;
      cancel();
    },
  };
}
