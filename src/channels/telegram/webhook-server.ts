/**
 * Webhook mode: grammY's webhookCallback on a plain node:http server. The
 * secret token is checked by grammY (401 when wrong). A slow turn answers
 * Telegram after 10 s and carries on, so Telegram does not redeliver it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookCallback, type Bot } from 'grammy';
import { describeError } from './errors.js';
import type { TelegramLog, TelegramWebhookOptions } from './types.js';

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

export async function startWebhookServer(
  bot: Bot,
  options: TelegramWebhookOptions,
  log: TelegramLog,
): Promise<WebhookServer> {
  const callback = webhookCallback(bot, 'http', {
    secretToken: options.secret,
    onTimeout: 'return',
    timeoutMilliseconds: 10_000,
  });
  const server = createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    callback(req, res).catch((error: unknown) => {
      log.error('telegram: webhook request failed', { error: describeError(error) });
      if (!res.headersSent) res.writeHead(400);
      res.end();
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
