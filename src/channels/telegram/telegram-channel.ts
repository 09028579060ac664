/**
 * createTelegramChannel(deps): a grammY bot behind the Channel port.
 * Long polling (@grammyjs/runner, updates of one chat handled in order) by
 * default, webhook mode when `deps.webhook` is set. Thin: Update → Input,
 * Outgoing → Bot API calls; the engine owns every conversation decision.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { Bot, GrammyError } from 'grammy';
import { parseAddress, type Address, type ChannelName } from '../../core/message.js';
import type { Channel, ChannelHealth } from '../../core/ports.js';
import { createSerializer } from '../../core/serializer.js';
import { ensureCallbackAnswered } from './callback-answer.js';
import { setLocalizedCommands } from './commands.js';
import { createErrorHandler } from './error-handler.js';
import { describeError, TelegramChannelError } from './errors.js';
import { createTelegramHealth } from './health.js';
import { createInFlightTracker } from './in-flight.js';
import { createProactiveSend } from './proactive-send.js';
import type { TelegramChannelDeps } from './types.js';
import { createUpdateRouter } from './update-router.js';
import { startWebhookServer, type WebhookServer } from './webhook-server.js';

export const ALLOWED_UPDATES = ['message', 'callback_query'] as const;
const WEBHOOK_SECRET = /^[A-Za-z0-9_-]{32,256}$/;

export type TelegramChannel = Channel & {
  readonly name: ChannelName;
  /** The underlying bot, for diagnostics. Do not add handlers to it. */
  readonly bot: Bot;
  health(): ChannelHealth;
};

/** "telegram:-100123" → { staffChatId: -100123 }; anything else (a Zalo thread, nothing) → {}. */
function staffChatIdOf(address: Address | undefined): { staffChatId?: number } {
  const parsed = address === undefined ? undefined : parseAddress(address);
  const id = Number(parsed?.id);
  return parsed?.channel === 'telegram' && Number.isSafeInteger(id) ? { staffChatId: id } : {};
}

export function createTelegramChannel(deps: TelegramChannelDeps): TelegramChannel {
  const { log, t } = deps;
  if (deps.webhook && !WEBHOOK_SECRET.test(deps.webhook.secret)) {
    throw new TelegramChannelError(
      'config',
      'TELEGRAM_WEBHOOK_SECRET must be 32–256 characters of A-Z, a-z, 0-9, _ and - (a shorter one can be guessed; Telegram rejects other characters). Generate one with: openssl rand -hex 32',
    );
  }
  const bot = new Bot(deps.token, {
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
    client: deps.apiRoot ? { apiRoot: deps.apiRoot } : {},
  });
  // 429 and 5xx are retried (bounded). Network errors are not: auto-retry would retry
  // them forever, hanging start() and stop(); the runner retries polling by itself.
  bot.api.config.use(
    autoRetry({
      maxRetryAttempts: deps.autoRetry?.maxRetryAttempts ?? 3,
      maxDelaySeconds: deps.autoRetry?.maxDelaySeconds ?? 60,
      rethrowHttpErrors: true,
    }),
  );
  const health = createTelegramHealth();
  bot.api.config.use(async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal).catch((error: unknown) => {
      if (method === 'getUpdates' && signal?.aborted !== true) {
        health.fetched(false);
        log.warn('telegram: fetching updates failed; retrying', { error: describeError(error) });
      }
      throw error;
    });
    if (method === 'getUpdates') health.fetched(result.ok);
    if (method === 'getUpdates' && !result.ok) {
      log.warn('telegram: fetching updates failed; retrying', { error: `${result.error_code} ${result.description}` });
    }
    return result;
  });

  const inFlight = createInFlightTracker();
  const onError = createErrorHandler(t, log);

  bot.use(inFlight.middleware);
  bot.use(ensureCallbackAnswered(log));
  // One chat's updates in order, the turn and the sending of its replies together.
  const perChat = createSerializer();
  bot.use((ctx, next) => (ctx.chat ? perChat.run(String(ctx.chat.id), next) : next()));
  bot.errorBoundary(
    onError,
    createUpdateRouter({
      handle: deps.handle,
      t,
      log,
      groupRateLimit: deps.groupRateLimit ?? { capacity: 20, windowMs: 10_000 },
      ...staffChatIdOf(deps.staffChat),
    }),
  );
  bot.catch(onError);

  let runner: RunnerHandle | undefined;
  let server: WebhookServer | undefined;
  let stopping: Promise<void> | undefined;

  const init = async (): Promise<void> => {
    try {
      await bot.init();
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 401) {
        throw new TelegramChannelError(
          'token',
          'Telegram rejected the bot token (401). Copy TELEGRAM_BOT_TOKEN again from @BotFather, or unset it to run without Telegram.',
          { cause: error },
        );
      }
      throw new TelegramChannelError(
        'unreachable',
        `Could not reach the Telegram Bot API at ${deps.apiRoot ?? 'https://api.telegram.org'} (${describeError(error)}). Check the network, or TELEGRAM_API_ROOT if you set one.`,
        { cause: error },
      );
    }
  };

  const startWebhook = async (webhook: NonNullable<TelegramChannelDeps['webhook']>): Promise<void> => {
    server = await startWebhookServer(bot, webhook, log);
    try {
      await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
    } catch (error) {
      await server.close();
      server = undefined;
      throw new TelegramChannelError(
        'webhook',
        `setWebhook(${webhook.url}) failed: ${describeError(error)}. TELEGRAM_WEBHOOK_URL must be a public https URL that reaches port ${webhook.port}; or unset it to use long polling.`,
        { cause: error },
      );
    }
    log.info('telegram: webhook mode', { url: webhook.url, port: server.port });
  };

  const startPolling = async (): Promise<void> => {
    await bot.api.deleteWebhook().catch((error: unknown) => {
      log.warn('telegram: deleteWebhook failed; polling may be refused while a webhook is set', {
        error: describeError(error),
      });
    });
    runner = run(bot, {
      runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES], timeout: deps.pollTimeoutSeconds ?? 30 }, silent: true },
    });
    runner.task()?.catch((error: unknown) => {
      health.pollingEnded();
      const hint =
        error instanceof GrammyError && error.error_code === 409
          ? ' Another copy of the bot is polling with this token, or a webhook is set: stop the other copy.'
          : '';
      log.error(`telegram: polling stopped; restart the bot.${hint}`, { error: describeError(error) });
    });
    log.info('telegram: long polling', { bot: bot.botInfo.username });
  };

  const start = async (): Promise<void> => {
    if (runner || server) throw new Error('The Telegram channel is already started; call stop() first.');
    await init();
    await setLocalizedCommands(bot.api, t, log);
    if (deps.webhook) await startWebhook(deps.webhook);
    else await startPolling();
    health.started(deps.webhook ? 'webhook' : 'polling');
  };

  const shutdown = async (): Promise<void> => {
    health.stopped();
    const polling = runner;
    runner = undefined;
    if (polling?.isRunning()) await polling.stop();
    const webhookServer = server;
    server = undefined;
    const closing = webhookServer?.close();
    const drained = await inFlight.drain(deps.drainTimeoutMs ?? 10_000);
    if (!drained) log.warn('telegram: stopped with updates still in progress', { count: inFlight.size() });
    await closing;
    const last = inFlight.lastUpdateId();
    if (polling && last !== undefined) {
      // Confirm what was handled so the next start does not receive it again.
      await bot.api.getUpdates({ offset: last + 1, limit: 1, timeout: 0 }).catch((error: unknown) => {
        log.warn('telegram: could not confirm the last update; it may be delivered again', {
          error: describeError(error),
        });
      });
    }
  };

  const stop = (): Promise<void> => {
    stopping ??= shutdown().finally(() => {
      stopping = undefined;
    });
    return stopping;
  };

  return { name: 'telegram', start, stop, send: createProactiveSend(bot.api, log), bot, health: health.health };
}
