/**
 * Webhook mode: Zalo POSTs each update to ZALO_BOT_WEBHOOK_URL with the
 * secret from setWebhook in `X-Bot-Api-Secret-Token`. The header is compared
 * in constant time; a wrong or missing one gets 401 and nothing is handled.
 * The answer is 200 at once: the update is handled after (Zalo retries slow
 * webhooks, and the channel's message_id dedupe drops the repeats).
 */
import type { RouteHandler } from '../../http/http-server.js';
import type { Logger } from '../../core/runner.js';
import { sameSecret } from '../shared/same-secret.js';
import { updatesOf, type ZaloBotUpdate } from './to-input.js';

export const ZALO_BOT_WEBHOOK_PATH = '/zalo-bot/webhook';
export const SECRET_HEADER = 'x-bot-api-secret-token';

export function createBotWebhookRoute(secret: string, onUpdate: (update: ZaloBotUpdate) => void, log: Logger): RouteHandler {
  return ({ headers, body }) => {
    const given = headers[SECRET_HEADER];
    if (typeof given !== 'string' || !sameSecret(given, secret)) {
      log.warn('zalo-bot: webhook call refused: wrong or missing X-Bot-Api-Secret-Token');
      return { status: 401, body: 'unauthorized' };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return { status: 400, body: 'bad json' };
    }
    // Some senders wrap the update like a getUpdates answer: {ok, result}.
    const update = typeof parsed === 'object' && parsed !== null && 'result' in parsed && !('message' in parsed) ? (parsed as { result: unknown }).result : parsed;
    setImmediate(() => {
      for (const each of updatesOf(update)) onUpdate(each);
    });
    return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' };
  };
}
