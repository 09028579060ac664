/**
 * Webhook mode: grammY's webhookCallback on a plain node:http server. A
 * request without the right secret token is refused (401) before its body is
 * read; a body over MAX_WEBHOOK_BODY_BYTES (1 MB, far above any update) is
 * refused with 413 without being read whole. A slow turn answers Telegram
 * after 10 s and carries on, so Telegram does not redeliver it.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookCallback, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { describeError } from './errors.js';
import type { TelegramLog, TelegramWebhookOptions } from './types.js';

/** The same cap as the operations HTTP server (src/http/http-server.ts). */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export type WebhookServer = {
  readonly port: number;
  /** Stops accepting requests and resolves once requests in progress are answered. */
  close(): Promise<void>;
};

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  const value = Buffer.from(Array.isArray(given) ? (given[0] ?? '') : (given ?? ''));
  const expected = Buffer.from(secret);
  return value.length === expected.length && timingSafeEqual(value, expected);
}

class TooLarge extends Error {}

/** The body, at most `limit` bytes; rejects with TooLarge as soon as it is over (declared or counted). */
function readCapped(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > limit) return reject(new TooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** grammY's adapter over a body already read (and capped) here. */
const preRead = (update: Update, header: string, res: ServerResponse) => ({
  update: Promise.resolve(update),
  header,
  end: () => void res.end(),
  respond: (json: string) => void res.writeHead(200, { 'content-type': 'application/json' }).end(json),
  unauthorized: () => void res.writeHead(401).end(),
});

export async function startWebhookServer(
  bot: Bot,
  options: TelegramWebhookOptions,
  log: TelegramLog,
): Promise<WebhookServer> {
  const limit = options.maxBodyBytes ?? MAX_WEBHOOK_BODY_BYTES;
  const callback = webhookCallback(bot, preRead, {
    secretToken: options.secret,
    onTimeout: 'return',
    timeoutMilliseconds: 10_000,
  });
  const refuse = (res: ServerResponse, status: number, headers: Record<string, string> = {}): void => {
    if (!res.headersSent) res.writeHead(status, { connection: 'close', ...headers });
    res.end();
  };
  const server = createServer((req, res) => {
    if (req.method !== 'POST') return refuse(res, 405, { allow: 'POST' });
    if (!sameSecret(req.headers[SECRET_HEADER], options.secret)) return refuse(res, 401);
    readCapped(req, limit)
      .then(async (body) => {
        let update: Update;
        try {
          update = JSON.parse(body.toString('utf8')) as Update;
        } catch {
          return refuse(res, 400);
        }
        await callback(update, options.secret, res);
      })
      .catch((error: unknown) => {
        if (error instanceof TooLarge) {
          log.warn('telegram: webhook body over the limit refused', { limitBytes: limit });
          return refuse(res, 413);
        }
        log.error('telegram: webhook request failed', { error: describeError(error) });
        refuse(res, 400);
      });
  });
  await listen(server, options.port, options.host ?? '0.0.0.0');
  const { port } = server.address() as AddressInfo;

  const close = (): Promise<void> =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  return { port, close };
}
