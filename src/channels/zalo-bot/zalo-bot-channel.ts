/**
 * The Zalo Bot Platform channel (a bot made in Zalo Bot Creator, token
 * `<bot id>:<secret>`): long polling by default, or a webhook on the
 * operations HTTP server. Private chats only (group messages get "message me
 * privately"); de-duplicated by message_id and ordered per
 * person (the runner limits the rate); a typing action while the engine thinks. Addresses `zalo-bot:<chat id>`.
 */
import { parseAddress, type Address, type Handler, type Input, type Locale, type TurnResult } from '../../core/message.js';
import type { Channel, ChannelHealth } from '../../core/ports.js';
import type { Logger } from '../../core/runner.js';
import type { HttpServer } from '../../http/http-server.js';
import type { Translate } from '../../i18n.js';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffOptions } from '../shared/backoff.js';
import { createGroupNotices } from '../shared/group-notices.js';
import type { MediaHost } from '../shared/media-host.js';
import { createRecentIds } from '../shared/recent-ids.js';
import { createSendThrottle } from '../shared/send-throttle.js';
import { createSerializer } from '../../core/serializer.js';
import { createZaloBotApi, isUnauthorized, type ZaloBotApi } from './bot-api.js';
import { createBotSender } from './outbound.js';
import { createPoller } from './polling.js';
import { toBotInbound, type ZaloBotUpdate } from './to-input.js';
import { createBotWebhookRoute, ZALO_BOT_WEBHOOK_PATH } from './webhook.js';

export const ZALO_BOT_DEFAULTS = {
  throttle: { minIntervalMs: 100 },
  dedupe: { max: 5_000, ttlMs: 60 * 60_000 },
  groupNoticeEveryMs: 60 * 60_000,
} as const;

export type ZaloBotChannelDeps = {
  readonly token: string;
  readonly apiRoot?: string;
  readonly handle: Handler;
  readonly t: Translate;
  readonly log: Logger;
  /** The person's language for sends outside a turn (a turn says its own); default 'vi'. */
  readonly locale?: (address: Address) => Locale | Promise<Locale>;
  /** Webhook mode (ZALO_BOT_WEBHOOK_URL + _SECRET) on the operations HTTP server; without it, long polling. */
  readonly webhook?: { readonly url: string; readonly secret: string; readonly http: Pick<HttpServer, 'route'> };
  /** PUBLIC_BASE_URL: images through sendPhoto; without it their captions as text. */
  readonly media?: MediaHost;
  readonly api?: ZaloBotApi;
  readonly backoff?: BackoffOptions;
  readonly pollTimeoutSec?: number;
  readonly throttle?: { readonly minIntervalMs: number };
  readonly random?: () => number;
  readonly now?: () => number;
};

export type ZaloBotChannel = Channel & { health(): ChannelHealth; send: NonNullable<Channel['send']> };

export function createZaloBotChannel(deps: ZaloBotChannelDeps): ZaloBotChannel {
  const { log, t } = deps;
  const now = deps.now ?? Date.now;
  const api = deps.api ?? createZaloBotApi({ token: deps.token, ...(deps.apiRoot ? { apiRoot: deps.apiRoot } : {}) });
  const throttle = createSendThrottle({ ...(deps.throttle ?? ZALO_BOT_DEFAULTS.throttle), now });
  const recent = createRecentIds({ ...ZALO_BOT_DEFAULTS.dedupe, now });
  const groups = createGroupNotices(ZALO_BOT_DEFAULTS.groupNoticeEveryMs, now);
  const queue = createSerializer();
  const sender = createBotSender({ api, throttle, t, log, media: deps.media });
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  const random = deps.random ?? Math.random;
  let health: ChannelHealth = { up: false, problem: 'not_started' };
  let stopping = false;
  let webhookRetry: NodeJS.Timeout | undefined;

  const localeOf = async (address: Address): Promise<Locale> => {
    try {
      return deps.locale ? await deps.locale(address) : 'vi';
    } catch {
      return 'vi';
    }
  };

  async function turn(chatId: string, input: Input): Promise<void> {
    sender.typing(chatId);
    let result: TurnResult;
    try {
      result = await deps.handle(input);
    } catch (error) {
      log.error('zalo-bot: turn failed', { address: input.from, error: error instanceof Error ? error.message : String(error) });
      await sender.sendText(chatId, t(await localeOf(input.from), 'zalo.unavailable'));
      return;
    }
    await sender.sendReplies(chatId, result.messages, result.locale);
  }

  function onUpdate(update: ZaloBotUpdate): void {
    if (stopping) return;
    try {
      const inbound = toBotInbound(update);
      if (inbound.kind === 'ignore') return;
      if (inbound.kind === 'group') {
        if (groups.due(inbound.chatId)) void sender.sendText(inbound.chatId, t('vi', 'zalo.group_redirect'));
        return;
      }
      const { chatId, input } = inbound;
      if (recent.seen(inbound.ids)) return log.info('zalo-bot: dropped a message delivered twice', { address: input.from });
      queue.run(chatId, () => turn(chatId, input)).catch((error: unknown) => log.error('zalo-bot: turn failed', { address: input.from, error: String(error) }));
    } catch (error) {
      log.error('zalo-bot: could not take an update', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  const poller = createPoller({ api, onUpdate, onHealth: (h) => void (health = h), log, backoff, random, ...(deps.pollTimeoutSec === undefined ? {} : { timeoutSec: deps.pollTimeoutSec }) });

  async function registerWebhook(url: string, secret: string, attempt: number): Promise<void> {
    try {
      await api.call('setWebhook', { url, secret_token: secret });
      health = { up: true };
      if (attempt > 1) log.info('zalo-bot: webhook set', { attempt });
    } catch (error) {
      health = { up: false, problem: isUnauthorized(error) ? 'unauthorized' : 'webhook_failed' };
      const wait = backoffDelay(attempt, backoff, random);
      log.warn('zalo-bot: setWebhook failed; retrying. Check ZALO_BOT_WEBHOOK_URL is a public https address that reaches HTTP_PORT.', {
        attempt, retryInMs: wait, error: error instanceof Error ? error.message : String(error),
      });
      if (stopping) return;
      webhookRetry = setTimeout(() => void registerWebhook(url, secret, attempt + 1), wait);
      webhookRetry.unref();
    }
  }

  return {
    name: 'zalo-bot',
    async start() {
      stopping = false;
      try {
        const me = (await api.call('getMe')) as { account_name?: string; display_name?: string } | undefined;
        log.info('zalo-bot: connected', { bot: me?.account_name ?? me?.display_name ?? '?' });
      } catch (error) {
        if (isUnauthorized(error)) {
          health = { up: false, problem: 'unauthorized' };
          throw new Error('Zalo Bot rejected ZALO_BOT_TOKEN. Copy the token again from Zalo Bot Creator (it looks like "<bot id>:<secret>").');
        }
        log.warn('zalo-bot: getMe failed; carrying on', { error: error instanceof Error ? error.message : String(error) });
      }
      if (deps.webhook) {
        const { url, secret, http } = deps.webhook;
        const route = createBotWebhookRoute(secret, onUpdate, log);
        http.route('POST', ZALO_BOT_WEBHOOK_PATH, route);
        const path = new URL(url).pathname;
        if (path !== ZALO_BOT_WEBHOOK_PATH && path !== '/') http.route('POST', path, route);
        await registerWebhook(url, secret, 1);
        return;
      }
      // A webhook left from an earlier run would keep getUpdates from receiving anything.
      await api.call('deleteWebhook').catch(() => undefined);
      health = { up: true };
      poller.start();
    },
    async stop() {
      stopping = true;
      if (webhookRetry) clearTimeout(webhookRetry);
      await poller.stop();
      await queue.drain();
      await throttle.idle();
      health = { up: false, problem: 'stopped' };
    },
    async send(address, messages) {
      const parsed = parseAddress(address);
      if (parsed?.channel !== 'zalo-bot') throw new Error(`The Zalo Bot channel cannot send to "${address}". Use an address "zalo-bot:<chat id>".`);
      const locale = await localeOf(address);
      const result = await queue.run(parsed.id, () => sender.sendReplies(parsed.id, messages, locale));
      return result.failed > 0 ? { status: 'failed', error: result.error ?? 'failed' } : { status: 'ok' };
    },
    health: () => health,
  };
}
