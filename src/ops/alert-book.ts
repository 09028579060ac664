/**
 * Which alerts to send, decided from what is wrong right now: a pure state
 * machine over a clock, so tests replay an outage minute by minute.
 *
 * - A problem becomes an alert once it has lasted its grace period (a Zalo
 *   reconnect of a few seconds is not an outage).
 * - At most one alert per kind per hour, however often it flaps; a problem
 *   still there when the hour is over is announced then.
 * - One "recovered" message when an announced problem is gone; a problem
 *   that never got its alert recovers silently.
 */

/** Something wrong now. `kind` identifies it (`channel_down:zalo`, `job_failing:followups`). */
export type Problem = {
  readonly kind: string;
  /** i18n key of the alert; the recovery uses `<key>_recovered`. */
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
  /**
   * What admins must know about it (a channel's problem word). When it changes during one
   * episode (reconnecting → logged_out), admins are told again, within the hourly limit.
   */
  readonly detail?: string;
  /** How long it must last before anyone is told. Default 0. */
  readonly graceMs?: number;
};

export type AlertEvent = {
  readonly kind: string;
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
  /** When the problem was first seen. */
  readonly since: Date;
  readonly recovered: boolean;
};

export const ALERT_EVERY_MS = 60 * 60_000;

type Entry = {
  /** First seen in the current episode; undefined while all is well. */
  badSince?: Date;
  /** What admins were last told in this episode; undefined when nothing was sent. */
  told?: { readonly key: string; readonly params: Problem['params']; readonly detail: string };
  lastAlertAt?: number;
};

export type AlertBook = {
  /** Given every problem seen at `now`, the alerts and recoveries to send. */
  update(now: Date, problems: readonly Problem[]): AlertEvent[];
};

export function createAlertBook(options: { readonly everyMs?: number } = {}): AlertBook {
  const everyMs = options.everyMs ?? ALERT_EVERY_MS;
  const entries = new Map<string, Entry>();

  return {
    update(now, problems) {
      const events: AlertEvent[] = [];
      const at = now.getTime();
      const current = new Map(problems.map((problem) => [problem.kind, problem]));
      for (const problem of current.values()) {
        const entry = entries.get(problem.kind) ?? {};
        entries.set(problem.kind, entry);
        const since = (entry.badSince ??= now);
        const detail = problem.detail ?? '';
        if (entry.told?.detail === detail) continue;
        const lasted = at - since.getTime() >= (problem.graceMs ?? 0);
        const allowed = entry.lastAlertAt === undefined || at - entry.lastAlertAt >= everyMs;
        if (!lasted || !allowed) continue;
        entry.told = { key: problem.key, params: problem.params, detail };
        entry.lastAlertAt = at;
        events.push({ kind: problem.kind, key: problem.key, params: problem.params, since, recovered: false });
      }
      for (const [kind, entry] of entries) {
        if (current.has(kind) || entry.badSince === undefined) continue;
        if (entry.told) events.push({ kind, key: `${entry.told.key}_recovered`, params: entry.told.params, since: entry.badSince, recovered: true });
        delete entry.told;
        delete entry.badSince;
      }
      return events;
    },
  };
}
