/**
 * The environment, parsed once by zod into a typed Config. `loadConfig(env)`
 * is pure; a bad value throws a ConfigError whose lines name each variable
 * and the fix. Every variable is documented in .env.example.
 */
import { z } from 'zod';

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off', ''])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

/** An optional variable: unset or blank means absent; otherwise it must match `schema`. */
const optional = (schema: z.ZodString | z.ZodURL) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined), schema.optional());

const FIXES: Record<string, string> = {
  DATABASE_PATH: 'Give a file path such as data/bot.sqlite.',
  DATABASE_URL: 'Give a PostgreSQL URL such as postgres://bot:secret@127.0.0.1:5432/tenmien, or unset it to use SQLite (DATABASE_PATH).',
  DATABASE_POOL_SIZE: 'Use a whole number of connections between 2 and 100 (default 10).',
  DEFAULT_LOCALE: 'Use "vi" or "en".',
  TELEGRAM_BOT_TOKEN:
    'It looks like "123456789:AAH…" — copy it again from @BotFather, or unset it to run without Telegram.',
  TELEGRAM_API_ROOT: 'Give a full URL such as https://api.telegram.org or http://127.0.0.1:8081, or unset it.',
  TELEGRAM_WEBHOOK_URL: 'Give the public https URL Telegram should call, or unset it to use long polling.',
  TELEGRAM_WEBHOOK_SECRET: 'Use 1–256 characters of A–Z, a–z, 0–9, _ and -.',
  TELEGRAM_WEBHOOK_PORT: 'Use a port number between 1 and 65535.',
  ZALO_ENABLED: 'Use true or false.',
  ZALO_SESSION_PATH: 'Give a file path such as data/zalo-session.json.',
  ZALO_GROUP_REDIRECT: 'Use true or false.',
  RETENTION_DAYS: 'Use a whole number of days, at least 30 (default 730, two years).',
  LOG_LEVEL: 'Use one of debug, info, warn, error.',
  LOG_SALT: 'Use a random string of at least 16 characters (e.g. from `openssl rand -hex 16`).',
  ADMINS: 'List chat addresses separated by commas, e.g. telegram:12345,zalo:678 (a Telegram user id from @userinfobot).',
  TELEGRAM_BOT_USERNAME: 'Give the bot\'s username from @BotFather without the @, e.g. TenMienVnBot (5–32 letters, digits or _).',
  INVITE_DAYS: 'Use a whole number of days between 1 and 90 (default 7).',
  HTTP_PORT: 'Use a port number between 1 and 65535 (e.g. 9464), or unset it to run without the operations HTTP server.',
  HTTP_HOST: 'Give the address to listen on: 127.0.0.1 (default, this machine only) or 0.0.0.0 (every interface, e.g. in a container).',
  TEST_USERS: 'List the chat addresses used for testing, separated by commas, e.g. telegram:12345,console:local; leave empty in production if nobody tests on it.',
  ZALO_BOT_TOKEN: 'It looks like "<bot id>:<secret>" — copy it again from Zalo Bot Creator (Zalo app → Zalo Bot Manager), or unset it to run without the Zalo Bot.',
  ZALO_BOT_API_ROOT: 'Give a full URL such as https://bot-api.zaloplatforms.com (the default) or http://127.0.0.1:8082, or unset it.',
  ZALO_BOT_WEBHOOK_URL: 'Give the public https URL Zalo should call (your reverse proxy forwarding to HTTP_PORT, path /zalo-bot/webhook), or unset it to use long polling.',
  ZALO_BOT_WEBHOOK_SECRET: 'Use 32–256 characters of A–Z, a–z, 0–9, _ and - (e.g. from `openssl rand -hex 24`).',
  PUBLIC_BASE_URL: 'Give the public https address that reaches HTTP_PORT (e.g. https://bot.example.vn), so Zalo can fetch QR and chart images; or unset it to send their captions as text.',
  ZALO_OA_APP_ID: 'Copy the App ID of your Zalo app from developers.zalo.me (My apps → the app → Settings).',
  ZALO_OA_APP_SECRET: 'Copy the app\'s Secret key from developers.zalo.me (My apps → the app → Settings).',
  ZALO_OA_SECRET_KEY: 'Copy the OA Secret Key from developers.zalo.me (the app → Official Account → Webhook), which Zalo uses to sign webhook events.',
  ZALO_OA_API_ROOT: 'Give a full URL such as https://openapi.zalo.me (the default), or unset it.',
  ZALO_OA_OAUTH_ROOT: 'Give a full URL such as https://oauth.zaloapp.com (the default), or unset it.',
};

/** Never shown back in an error: tokens, secrets and URLs that may hold a password. */
const SECRETS = new Set(['TELEGRAM_BOT_TOKEN', 'DATABASE_URL', 'LOG_SALT', 'TELEGRAM_WEBHOOK_SECRET', 'ZALO_BOT_TOKEN', 'ZALO_BOT_WEBHOOK_SECRET', 'ZALO_OA_APP_SECRET', 'ZALO_OA_SECRET_KEY']);

/** "telegram:12345, zalo:678" → ['telegram:12345', 'zalo:678']; blank → []. */
const addressList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').map((part) => part.trim()).filter((part) => part !== '') : []),
  z.array(z.string().regex(/^(?:telegram|zalo|console|zalo-bot|zalo-oa):\S+$/)),
);

export const configSchema = z.object({
  DATABASE_PATH: z.string().trim().min(1).default('data/bot.sqlite'),
  DATABASE_URL: optional(z.string().trim().regex(/^postgres(ql)?:\/\/\S+$/)),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(100).default(10),
  DEFAULT_LOCALE: z.enum(['vi', 'en']).default('vi'),
  TELEGRAM_BOT_TOKEN: optional(z.string().regex(/^\d{5,}:[A-Za-z0-9_-]{20,}$/)),
  TELEGRAM_API_ROOT: optional(z.url({ protocol: /^https?$/ })),
  TELEGRAM_WEBHOOK_URL: optional(z.url({ protocol: /^https$/ })),
  TELEGRAM_WEBHOOK_SECRET: optional(z.string().regex(/^[A-Za-z0-9_-]{1,256}$/)),
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  ZALO_ENABLED: boolean.default(true),
  ZALO_SESSION_PATH: z.string().trim().min(1).default('data/zalo-session.json'),
  ZALO_GROUP_REDIRECT: boolean.default(false),
  RETENTION_DAYS: z.coerce.number().int().min(30).default(730),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  LOG_SALT: optional(z.string().min(16)),
  /** Staff admins (issue #7): may /invite, /referrer add, /staff, and everything team members may. */
  ADMINS: addressList,
  /** For referral deep links https://t.me/<username>?start=<code>; without it only the code and the Zalo text. */
  TELEGRAM_BOT_USERNAME: optional(z.string().regex(/^@?[A-Za-z][A-Za-z0-9_]{4,31}$/)),
  INVITE_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  /** Test conversations (issue #11): their checks, funnel steps, feedback and registrations are never written. */
  TEST_USERS: addressList,
  /** The operations HTTP server (src/http/http-server.ts): health, metrics and webhooks; unset, none starts. */
  HTTP_PORT: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.coerce.number().int().min(1).max(65535).optional()),
  HTTP_HOST: z.string().trim().min(1).default('127.0.0.1'),
  /** Zalo Bot Platform (issue #19): long polling, or a webhook on the HTTP server with the URL and secret. */
  ZALO_BOT_TOKEN: optional(z.string().regex(/^[^\s:]+:\S+$/)),
  ZALO_BOT_API_ROOT: optional(z.url({ protocol: /^https?$/ })),
  ZALO_BOT_WEBHOOK_URL: optional(z.url({ protocol: /^https?$/ })),
  ZALO_BOT_WEBHOOK_SECRET: optional(z.string().regex(/^[A-Za-z0-9_-]{32,256}$/)),
  /** Where HTTP_PORT is reachable from the internet: images for Zalo Bot's sendPhoto are served under it. */
  PUBLIC_BASE_URL: optional(z.url({ protocol: /^https?$/ })),
  /** Zalo Official Account (issue #19): webhook POST /zalo-oa/webhook on the HTTP server; tokens in the database. */
  ZALO_OA_APP_ID: optional(z.string().regex(/^\S+$/)),
  ZALO_OA_APP_SECRET: optional(z.string().regex(/^\S+$/)),
  ZALO_OA_SECRET_KEY: optional(z.string().regex(/^\S+$/)),
  ZALO_OA_API_ROOT: optional(z.url({ protocol: /^https?$/ })),
  ZALO_OA_OAUTH_ROOT: optional(z.url({ protocol: /^https?$/ })),
});

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  readonly variables: readonly string[];
  constructor(lines: readonly { variable: string; message: string }[]) {
    super(
      `The configuration is not valid:\n${lines.map((l) => `  ${l.variable}: ${l.message}`).join('\n')}\nFix the variables above (see .env.example) and start again.`,
    );
    this.name = 'ConfigError';
    this.variables = lines.map((l) => l.variable);
  }
}

export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const result = configSchema.safeParse(env);
  if (result.success) {
    if (result.data.TELEGRAM_WEBHOOK_URL && !result.data.TELEGRAM_WEBHOOK_SECRET) {
      throw new ConfigError([
        { variable: 'TELEGRAM_WEBHOOK_SECRET', message: `is required in webhook mode. ${FIXES['TELEGRAM_WEBHOOK_SECRET']}` },
      ]);
    }
    const missing = zaloRequirements(result.data);
    if (missing.length > 0) throw new ConfigError(missing);
    return result.data;
  }
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? '(environment)');
      const secret = SECRETS.has(variable);
      const shown = variable in env && !secret ? ` (got "${String(env[variable]).slice(0, 12)}${String(env[variable]).length > 12 ? '…' : ''}")` : '';
      return { variable, message: `is not valid${shown}. ${FIXES[variable] ?? issue.message}` };
    }),
  );
}

/** What the official Zalo channels need together: a webhook needs its secret and the HTTP server; an OA needs all three keys and HTTP_PORT. */
function zaloRequirements(config: Config): { variable: string; message: string }[] {
  const lines: { variable: string; message: string }[] = [];
  const httpNeeded = (what: string): void => {
    if (config.HTTP_PORT === undefined && !lines.some((l) => l.variable === 'HTTP_PORT')) {
      lines.push({ variable: 'HTTP_PORT', message: `is required by ${what}: Zalo calls the bot on the operations HTTP server. Set HTTP_PORT (e.g. 9464) and make it reachable over https.` });
    }
  };
  if (config.ZALO_BOT_WEBHOOK_URL) {
    if (!config.ZALO_BOT_WEBHOOK_SECRET) lines.push({ variable: 'ZALO_BOT_WEBHOOK_SECRET', message: `is required with ZALO_BOT_WEBHOOK_URL. ${FIXES['ZALO_BOT_WEBHOOK_SECRET']}` });
    httpNeeded('ZALO_BOT_WEBHOOK_URL');
  }
  if (config.PUBLIC_BASE_URL) httpNeeded('PUBLIC_BASE_URL (images are served on the HTTP server)');
  const oa = ['ZALO_OA_APP_ID', 'ZALO_OA_APP_SECRET', 'ZALO_OA_SECRET_KEY'] as const;
  if (oa.some((name) => config[name] !== undefined)) {
    for (const name of oa) if (config[name] === undefined) lines.push({ variable: name, message: `is required to run the Zalo OA channel (${oa.filter((n) => n !== name).join(', ')} are set). ${FIXES[name]}` });
    httpNeeded('the Zalo OA channel (its webhook is POST /zalo-oa/webhook)');
  }
  return lines;
}
