/**
 * The composition root, and the only module with top-level effects:
 * loadConfig → open storage (SQLite, or PostgreSQL with DATABASE_URL) →
 * build the assistant → start channels → shut down once on SIGINT/SIGTERM
 * (channels first, then the database). With PostgreSQL several copies of
 * this process may run: turns lock per person, jobs run once, and only the
 * elected leader runs Zalo (store.coordination).
 */
import { existsSync } from 'node:fs';
import { createConfiguredAssistant } from './assistant.js';
import { startChannels, type RunningChannels } from './channels/start-channels.js';
import { DEFAULT_RATE_LIMIT } from './core/rate-limit.js';
import { startRetentionJob } from './jobs/retention-job.js';
import { createDnsAvailability } from './channels/availability/dns-availability.js';
import { createChannelSend } from './jobs/channel-send.js';
import { createLateDeliver } from './jobs/deliver.js';
import { startFollowupJob } from './jobs/followup-job.js';
import { startOutboxJob } from './jobs/outbox-job.js';
import { startQuarterlyReminderJob } from './jobs/quarterly-reminder.js';
import { loadLocalities } from './localities.js';
import { composeStaffServices } from './staff-services.js';
import { ConfigError, loadConfig } from './config.js';
import type { Session } from './core/session.js';
import { createLogger } from './log.js';
import { openAppStore } from './storage/open-app-store.js';
import { DEFAULT_SESSION_CACHE } from './storage/cached-session-store.js';
import { underLeadership } from './jobs/zalo-leader.js';
import { timedTurnLock } from './storage/coordination.js';
import { createHttpServer } from './http/http-server.js';
import { holdProcess } from './process-hold.js';
import { createOperations } from './ops/operations.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  // In the terminal chat, info lines would interleave with the conversation: show warnings
  // and errors only, unless LOG_LEVEL was set explicitly.
  const consoleOnly = !config.TELEGRAM_BOT_TOKEN && !(config.ZALO_ENABLED && existsSync(config.ZALO_SESSION_PATH)) && !config.ZALO_BOT_TOKEN && !config.ZALO_OA_APP_ID;
  const level = consoleOnly && !process.env['LOG_LEVEL'] ? 'warn' : config.LOG_LEVEL;
  const log = createLogger({ level, ...(config.LOG_SALT ? { salt: config.LOG_SALT } : {}) });
  const clock = { now: () => new Date() };
  // One HTTP server for operations and webhooks (HTTP_PORT); routes are added by what uses it.
  const http = config.HTTP_PORT === undefined ? undefined : createHttpServer({ port: config.HTTP_PORT, host: config.HTTP_HOST, onError: log.error });
  const store = await openAppStore<Session>(config, { cache: DEFAULT_SESSION_CACHE, clock });
  // Metrics, /healthz, /readyz, /metrics and admin alerts (src/ops/); wraps records, jobs and the handler.
  const ops = createOperations({ http, store, log, clock, admins: config.ADMINS });
  const replicas = store.kind === 'postgres';
  const { coordination } = ops;
  log.info('storage', { kind: store.kind });
  if (replicas && config.TELEGRAM_BOT_TOKEN && !config.TELEGRAM_WEBHOOK_URL) {
    log.warn('PostgreSQL with Telegram long polling: run only one process this way (Telegram allows one poller per token). For several replicas set TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET.');
  }
  const relay = createLateDeliver();
  const staff = composeStaffServices({ store: store.staff(), reports: store.reports }, {
    localities: loadLocalities(),
    ...(config.TELEGRAM_BOT_USERNAME ? { botUsername: config.TELEGRAM_BOT_USERNAME } : {}),
    inviteDays: config.INVITE_DAYS,
    clock,
  });
  const { handle, i18n, program } = createConfiguredAssistant(config, {
    clock,
    sessions: store.sessions,
    records: ops.records,
    log,
    rateLimit: DEFAULT_RATE_LIMIT,
    followups: store.followups,
    availability: createDnsAvailability(),
    isAdmin: (address) => config.ADMINS.includes(address),
    staff,
    handoffs: store.handoffs,
    // Handoff relays need the channels, which start after the assistant: bound below.
    deliver: relay.deliver,
    outbox: coordination.outbox,
    ...(replicas ? { turnLock: timedTurnLock(coordination, level === 'debug' ? log.debug : undefined) } : {}),
  });
  // Jobs ask the store's coordination whether this tick is theirs (one process: always).
  const { once } = coordination;
  const jobs: { stop(): unknown }[] = [startRetentionJob({ store, clock, retentionDays: config.RETENTION_DAYS, log, once })];

  let running: RunningChannels | undefined;
  let stopping: Promise<void> | undefined;
  const shutdown = (reason: string): Promise<void> => {
    stopping ??= (async () => {
      log.info('shutting down', { reason });
      ops.stopping();
      await Promise.allSettled(jobs.map((job) => job.stop()));
      await running?.stop();
      await http?.close();
      await store.close();
      log.info('stopped');
      hold.release();
    })();
    return stopping;
  };

  if (http) log.info('http listening', { port: await http.listen(), host: config.HTTP_HOST });
  running = await startChannels({
    config,
    handle: ops.observe(handle, i18n),
    i18n,
    log,
    onConsoleClosed: () => void shutdown('console closed'),
    localeOf: async (address) => (await store.sessions.read(address))?.locale ?? config.DEFAULT_LOCALE,
    ...(program.handoff.staffChat ? { staffChat: program.handoff.staffChat } : {}),
    ...(replicas ? { zaloWrapper: (zalo) => underLeadership(zalo, { coordination, clock, log }) } : {}),
    http,
    zaloOaStore: store.zaloOa,
    once,
  });
  relay.attach(running.channels);
  ops.started({ channels: running.channels, i18n, localeOf: async (address) => (await store.sessions.read(address))?.locale ?? config.DEFAULT_LOCALE });
  const send = createChannelSend(running.channels);
  // Reminders and broadcasts go out through the channel each person used, at most 1 message/s
  // (Zalo's safe pace; Telegram allows more).
  jobs.push(
    startFollowupJob({
      store: store.followups,
      clock,
      program,
      render: i18n.render,
      log,
      send,
      ratePerSecond: 1,
      intervalMs: 60_000,
      once,
    }),
    // Messages to other chats a turn committed but did not get to send (the process stopped): sent here.
    // With replicas the Zalo leader sends Zalo's itself (jobs/zalo-leader.ts).
    startOutboxJob({
      outbox: coordination.outbox,
      channels: running.channels.map((c) => c.name).filter((name) => !(replicas && name === 'zalo')),
      send: async (address, messages) => {
        const sent = await send(address, messages);
        if (!sent.ok) throw new Error(`not delivered: ${sent.error}`);
      },
      clock,
      log,
      once,
    }),
    startQuarterlyReminderJob({
      staff: staff.store,
      clock,
      render: i18n.render,
      log,
      once,
      send: async (address, messages) => {
        const sent = await send(address, messages);
        if (!sent.ok) throw new Error(`quarterly reminder not delivered: ${sent.error}`);
      },
    }),
  );
  // `on`, not `once`: under `npm start` a group-wide SIGTERM (systemd, Docker, Ctrl-C) reaches the bot
  // twice (directly and relayed by tsx); the second must not kill it halfway through shutting down.
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // A bug in one update must not end the bot for everyone: log it and keep serving.
  process.on('unhandledRejection', (error) => log.error('unhandled rejection', { error: String(error) }));
  process.on('uncaughtException', (error) => log.error('uncaught exception', { error: error.message }));
}

// Stays up until told to stop, whichever channels are down (src/process-hold.ts); a failed start exits 1.
const hold = holdProcess();
main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
  hold.release();
});
