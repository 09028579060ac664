/**
 * Starts every configured channel in one process: Telegram when a token is
 * set, Zalo when a saved login exists, the Zalo Bot and the Zalo OA when
 * configured (official-zalo.ts), and the console when none is. A channel that fails to start is logged and the others go on.
 */
import type { Config } from '../config.js';
import { existsSync } from 'node:fs';
import type { Address, Handler, Locale } from '../core/message.js';
import type { Channel } from '../core/ports.js';
import type { Logger } from '../core/runner.js';
import type { I18n } from '../i18n.js';
import { createConsoleChannel } from './console/console-channel.js';
import { createTelegramChannel } from './telegram/telegram-channel.js';
import { createZaloChannel } from './zalo/index.js';
import type { ZaloOaStore } from '../core/zalo-oa.js';
import type { HttpServer } from '../http/http-server.js';
import type { Coordination } from '../storage/coordination.js';
import { createOfficialZaloChannels } from './official-zalo.js';

export type StartChannelsDeps = {
  readonly config: Config;
  readonly handle: Handler;
  readonly i18n: I18n;
  readonly log: Logger;
  readonly onConsoleClosed: () => void;
  /** The person's stored language, for the Zalo channels' sends outside a turn (a turn returns its own). */
  readonly localeOf: (address: Address) => Promise<Locale>;
  /** data/program.json handoff.staffChat: a Telegram staff group whose "#H…" / "/reply" answers reach the engine (issue #11). */
  readonly staffChat?: Address | null;
  /** Replicas: wraps the Zalo channel so only the elected leader runs it (src/jobs/zalo-leader.ts). */
  readonly zaloWrapper?: (zalo: Channel) => Channel;
  /** The operations HTTP server (HTTP_PORT): Zalo OA / Zalo Bot webhooks and Zalo Bot images (issue #19). */
  readonly http?: HttpServer | undefined;
  /** store.zaloOa and store.coordination.once, for the Zalo OA channel's tokens. */
  readonly zaloOaStore?: ZaloOaStore | undefined;
  readonly once?: Coordination['once'] | undefined;
};

export type RunningChannels = { readonly channels: readonly Channel[]; stop(): Promise<void> };

export async function startChannels(deps: StartChannelsDeps): Promise<RunningChannels> {
  const { config, handle, i18n, log } = deps;
  const channels: Channel[] = [];
  if (config.TELEGRAM_BOT_TOKEN) {
    channels.push(
      createTelegramChannel({
        token: config.TELEGRAM_BOT_TOKEN,
        handle,
        t: i18n.t,
        log,
        ...(deps.staffChat ? { staffChat: deps.staffChat } : {}),
        ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
        ...(config.TELEGRAM_WEBHOOK_URL && config.TELEGRAM_WEBHOOK_SECRET
          ? { webhook: { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET, port: config.TELEGRAM_WEBHOOK_PORT } }
          : {}),
      }),
    );
  }
  if (config.ZALO_ENABLED && existsSync(config.ZALO_SESSION_PATH)) {
    const wrap = deps.zaloWrapper ?? ((zalo: Channel) => zalo);
    channels.push(
      wrap(createZaloChannel({
        sessionPath: config.ZALO_SESSION_PATH,
        handle,
        t: i18n.t,
        log,
        groupRedirect: config.ZALO_GROUP_REDIRECT,
        locale: deps.localeOf,
        onStatus: (status) => log.info('zalo status', { state: status.state, ...('reason' in status ? { reason: status.reason } : {}) }),
      })),
    );
  } else if (config.ZALO_ENABLED) {
    log.info('zalo not started: no saved login', { path: config.ZALO_SESSION_PATH, fix: 'npm run cli -- zalo-login' });
  }
  channels.push(...createOfficialZaloChannels({ config, handle, i18n, log, localeOf: deps.localeOf, http: deps.http, zaloOaStore: deps.zaloOaStore, once: deps.once }));
  if (channels.length === 0) {
    channels.push(
      createConsoleChannel({
        handle,
        input: process.stdin,
        output: process.stdout,
        hint: (locale) => i18n.t(locale, 'console.hint'),
        onClose: deps.onConsoleClosed,
      }),
    );
  }
  // Started side by side: one channel's slow or failing start (a Zalo login that hangs) never holds up another.
  await Promise.all(
    channels.map(async (channel) => {
      try {
        await channel.start();
        log.info('channel started', { channel: channel.name });
      } catch (error) {
        log.error('channel failed to start', { channel: channel.name, error: error instanceof Error ? error.message : String(error) });
      }
    }),
  );
  return {
    channels,
    async stop() {
      await Promise.allSettled(channels.map((c) => c.stop()));
    },
  };
}
