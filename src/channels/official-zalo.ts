/**
 * Builds the official Zalo channels the configuration asks for (issue #19):
 * the Zalo Bot Platform channel when ZALO_BOT_TOKEN is set, the Zalo OA
 * channel when ZALO_OA_APP_ID (with its secret and key) is set. Both take the
 * operations HTTP server: the OA's webhook always, the bot's in webhook mode
 * and for images (PUBLIC_BASE_URL).
 */
import type { Config } from '../config.js';
import type { Address, Handler, Locale } from '../core/message.js';
import type { Channel } from '../core/ports.js';
import type { Logger } from '../core/runner.js';
import type { ZaloOaStore } from '../core/zalo-oa.js';
import type { HttpServer } from '../http/http-server.js';
import type { I18n } from '../i18n.js';
import type { Coordination } from '../storage/coordination.js';
import { createMediaHost } from './shared/media-host.js';
import { createZaloBotChannel } from './zalo-bot/zalo-bot-channel.js';
import { createOaApi } from './zalo-oa/oa-api.js';
import { DEFAULT_ZALO_OA_OAUTH_ROOT, requestTokens } from './zalo-oa/oauth.js';
import { createTokenKeeper } from './zalo-oa/token-keeper.js';
import { createZaloOaChannel } from './zalo-oa/zalo-oa-channel.js';

export type OfficialZaloDeps = {
  readonly config: Config;
  readonly handle: Handler;
  readonly i18n: I18n;
  readonly log: Logger;
  readonly localeOf: (address: Address) => Promise<Locale>;
  readonly http?: HttpServer | undefined;
  /** The OA's tokens and followers' last message times (store.zaloOa). */
  readonly zaloOaStore?: ZaloOaStore | undefined;
  /** Replicas: one token refresh at a time (store.coordination.once). */
  readonly once?: Coordination['once'] | undefined;
};

export function createOfficialZaloChannels(deps: OfficialZaloDeps): Channel[] {
  const { config, handle, i18n, log, http } = deps;
  const channels: Channel[] = [];
  if (config.ZALO_BOT_TOKEN) {
    const webhook = config.ZALO_BOT_WEBHOOK_URL && config.ZALO_BOT_WEBHOOK_SECRET && http
      ? { url: config.ZALO_BOT_WEBHOOK_URL, secret: config.ZALO_BOT_WEBHOOK_SECRET, http }
      : undefined;
    channels.push(
      createZaloBotChannel({
        token: config.ZALO_BOT_TOKEN,
        ...(config.ZALO_BOT_API_ROOT ? { apiRoot: config.ZALO_BOT_API_ROOT } : {}),
        handle,
        t: i18n.t,
        log,
        locale: deps.localeOf,
        ...(webhook ? { webhook } : {}),
        ...(config.PUBLIC_BASE_URL && http ? { media: createMediaHost({ http, baseUrl: config.PUBLIC_BASE_URL }) } : {}),
      }),
    );
  }
  if (config.ZALO_OA_APP_ID && config.ZALO_OA_APP_SECRET && config.ZALO_OA_SECRET_KEY) {
    if (!http || !deps.zaloOaStore) {
      log.error('zalo-oa not started: it needs the operations HTTP server (HTTP_PORT) and the database');
      return channels;
    }
    const app = { oauthRoot: config.ZALO_OA_OAUTH_ROOT ?? DEFAULT_ZALO_OA_OAUTH_ROOT, appId: config.ZALO_OA_APP_ID, appSecret: config.ZALO_OA_APP_SECRET };
    const now = (): Date => new Date();
    const keeper = createTokenKeeper({
      store: deps.zaloOaStore,
      refresh: (refreshToken) => requestTokens(app, { type: 'refresh_token', refreshToken }, now),
      once: deps.once ?? (async (_name, fn) => ({ ran: true, value: await fn() })),
      now,
      log,
    });
    channels.push(
      createZaloOaChannel({
        appId: config.ZALO_OA_APP_ID,
        oaSecretKey: config.ZALO_OA_SECRET_KEY,
        http,
        store: deps.zaloOaStore,
        keeper,
        api: createOaApi(config.ZALO_OA_API_ROOT),
        handle,
        t: i18n.t,
        log,
        locale: deps.localeOf,
      }),
    );
  }
  return channels;
}
