/**
 * Running it in production, in one place for src/main.ts: metrics, the
 * decorators that feed them, /healthz, /readyz and /metrics on the operations
 * HTTP server (when HTTP_PORT is set), and the admin alerts. Main calls
 * `createOperations` after opening the store, wraps what it composes, calls
 * `started` once the channels run and `stopping` first thing at shutdown.
 */
import { hostname } from 'node:os';
import type { Address, Handler, Locale } from '../core/message.js';
import { LOCALES, parseAddress } from '../core/message.js';
import type { Channel, ChannelHealth, Clock, RecordStore } from '../core/ports.js';
import type { Logger } from '../core/runner.js';
import type { HttpServer } from '../http/http-server.js';
import type { I18n } from '../i18n.js';
import { createChannelSend } from '../jobs/channel-send.js';
import type { Coordination } from '../storage/coordination.js';
import { startAlerts, type AlertOptions, type Alerts } from './alerts.js';
import { addHealthRoutes, type Phase } from './health.js';
import { observeCoordination, observeHandler, observeRecords, type JobStreaks } from './instrument.js';
import { createMetrics, type BotMetrics } from './metrics.js';

/** The address /readyz reads to see that the database answers (nobody has it: the read finds nothing). */
export const READINESS_PROBE: Address = 'console:readyz-probe';

export type OperationsDeps = {
  readonly http: HttpServer | undefined;
  readonly store: { readonly records: RecordStore; readonly coordination: Coordination };
  readonly log: Logger;
  readonly clock: Clock;
  /** ADMINS: who gets the alerts. */
  readonly admins: readonly string[];
  /** Alert timing, for tests. */
  readonly alerts?: Partial<Pick<AlertOptions, 'everyMs' | 'downGraceMs' | 'jobFailures' | 'schedule' | 'host'>>;
};

export type StartedDeps = {
  readonly channels: readonly Channel[];
  readonly i18n: Pick<I18n, 't' | 'has'>;
  readonly localeOf: (address: Address) => Promise<Locale>;
};

export type Operations = {
  readonly metrics: BotMetrics;
  /** store.records, counting recorded checks. */
  readonly records: RecordStore;
  /** store.coordination, counting job runs and outbox drains. */
  readonly coordination: Coordination & { readonly streaks: JobStreaks };
  /** The handler every channel calls, counting messages, replies and turn time. */
  observe(handle: Handler, i18n: Pick<I18n, 't'>): Handler;
  /** The channels run: /readyz may say ready, the alerts start. */
  started(deps: StartedDeps): void;
  /** Shutdown began: /readyz says 503, the alerts stop. */
  stopping(): void;
  readonly alerts: () => Alerts | undefined;
};

/** A channel without `health()` counts as up once started. */
const healthOf = (channel: Channel): ChannelHealth => channel.health?.() ?? { up: true };

export function createOperations(deps: OperationsDeps): Operations {
  let phase: Phase = 'starting';
  let channels: readonly Channel[] = [];
  let alerts: Alerts | undefined;
  const listed = () => channels.map((channel) => ({ name: channel.name, health: healthOf(channel) }));
  const { outbox } = deps.store.coordination;
  const metrics = createMetrics({ channels: listed, outboxPending: () => outbox.pending?.() ?? Promise.resolve(0) });
  const coordination = observeCoordination(deps.store.coordination, metrics);
  if (deps.http) {
    addHealthRoutes(deps.http, {
      phase: () => phase,
      pingDatabase: () => Promise.resolve(deps.store.records.getPerson(READINESS_PROBE)),
      channels: listed,
    }, metrics);
  }

  return {
    metrics,
    records: observeRecords(deps.store.records, metrics),
    coordination,
    observe(handle, i18n) {
      const texts = (key: string) => LOCALES.map((locale) => i18n.t(locale, key));
      return observeHandler(handle, metrics, { apology: texts('common.error'), rateLimited: texts('common.rate_limited') });
    },
    started(started) {
      if (phase === 'stopping') return;
      channels = started.channels;
      phase = 'ready';
      alerts = startAlerts({
        admins: deps.admins.filter((admin): admin is Address => parseAddress(admin) !== undefined),
        channels: () => channels,
        streaks: coordination.streaks,
        send: createChannelSend(channels),
        t: started.i18n.t,
        has: started.i18n.has,
        localeOf: started.localeOf,
        clock: deps.clock,
        log: deps.log,
        host: hostname(),
        ...deps.alerts,
      });
    },
    stopping() {
      phase = 'stopping';
      alerts?.stop();
    },
    alerts: () => alerts,
  };
}
