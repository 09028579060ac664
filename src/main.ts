/**
 * The composition root, and the only module with top-level effects:
 * loadConfig → open storage → build the assistant → start channels → shut
 * down once on SIGINT/SIGTERM (channels first, then SQLite).
 */
import { existsSync } from 'node:fs';
import { createConfiguredAssistant } from './assistant.js';
import { startChannels } from './channels/start-channels.js';
import { ConfigError, loadConfig } from './config.js';
import type { Session } from './core/session.js';
import { createLogger } from './log.js';
import { openStore } from './storage/index.js';
import { DEFAULT_SESSION_CACHE } from './storage/cached-session-store.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  // In the terminal chat, info lines would interleave with the conversation: show warnings
  // and errors only, unless LOG_LEVEL was set explicitly.
  const consoleOnly = !config.TELEGRAM_BOT_TOKEN && !(config.ZALO_ENABLED && existsSync(config.ZALO_SESSION_PATH));
  const level = consoleOnly && !process.env['LOG_LEVEL'] ? 'warn' : config.LOG_LEVEL;
  const log = createLogger({ level, ...(config.LOG_SALT ? { salt: config.LOG_SALT } : {}) });
  const clock = { now: () => new Date() };
  const store = openStore<Session>(config.DATABASE_PATH, { cache: DEFAULT_SESSION_CACHE, clock });
  const { handle, i18n } = createConfiguredAssistant(config, { clock, sessions: store.sessions, records: store.records, log });

  let stopping: Promise<void> | undefined;
  const shutdown = (reason: string): Promise<void> => {
    stopping ??= (async () => {
      log.info('shutting down', { reason });
      await running.stop();
      store.close();
      log.info('stopped');
    })();
    return stopping;
  };

  const running = await startChannels({
    config,
    handle,
    i18n,
    log,
    onConsoleClosed: () => void shutdown('console closed'),
    localeOf: async (address) => (await store.sessions.read(address))?.locale ?? config.DEFAULT_LOCALE,
  });
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('unhandledRejection', (error) => log.error('unhandled rejection', { error: String(error) }));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
