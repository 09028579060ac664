/** What createTelegramChannel needs; everything comes in as an argument (nothing reads process.env). */
import type { UserFromGetMe } from 'grammy/types';
import type { Address, Handler } from '../../core/message.js';
import type { RateLimitOptions } from '../../core/rate-limit.js';
import type { Translate } from '../../i18n.js';

export type LogFields = Readonly<Record<string, unknown>>;

/** Structural logger: pino, console wrappers and test fakes all fit. */
export type TelegramLog = {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
};

export type TelegramWebhookOptions = {
  /** Public https URL Telegram posts to (TELEGRAM_WEBHOOK_URL). */
  readonly url: string;
  /** Checked against the X-Telegram-Bot-Api-Secret-Token header; 32–256 of [A-Za-z0-9_-] (guessable when shorter). */
  readonly secret: string;
  /** Local port of the node:http server (0 picks a free one, for tests). */
  readonly port: number;
  readonly host?: string;
  /** Largest request body read; default 1 MB (MAX_WEBHOOK_BODY_BYTES). */
  readonly maxBodyBytes?: number;
};

export type TelegramChannelDeps = {
  readonly token: string;
  /** Bot API server root (TELEGRAM_API_ROOT); default https://api.telegram.org. */
  readonly apiRoot?: string;
  /** Webhook mode when given; long polling otherwise. */
  readonly webhook?: TelegramWebhookOptions;
  readonly handle: Handler;
  readonly t: Translate;
  readonly log: TelegramLog;
  /** Skips getMe at start (tests). */
  readonly botInfo?: UserFromGetMe;
  /** Group messages addressed to the bot, per person (private chats: the runner's limit). Default 20 per 10 s. */
  readonly groupRateLimit?: RateLimitOptions;
  /** Retries of 429 / 5xx. Defaults: 3 attempts, wait at most 60 s. */
  readonly autoRetry?: { readonly maxRetryAttempts: number; readonly maxDelaySeconds: number };
  /** How long stop() waits for updates in progress. Default 10 s. */
  readonly drainTimeoutMs?: number;
  /** getUpdates long-poll timeout in seconds. Default 30. */
  readonly pollTimeoutSeconds?: number;
  /** The staff group (handoff.staffChat, "telegram:-100…"): staff answers there reach the engine (issue #11). */
  readonly staffChat?: Address | undefined;
};
