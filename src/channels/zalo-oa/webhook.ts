/**
 * `POST /zalo-oa/webhook`: Zalo signs each event with
 * `X-ZEvent-Signature: mac=<sha256 hex of app_id + raw body + timestamp + OA secret key>`.
 * The signature is checked on the raw bytes in constant time; a forged or
 * unsigned call gets 401. Genuine events are answered 200 at once and
 * handled after (Zalo retries slow answers, then disables the webhook).
 */
import { createHash } from 'node:crypto';
import type { Logger } from '../../core/runner.js';
import type { RouteHandler } from '../../http/http-server.js';
import { sameSecret } from '../shared/same-secret.js';
import type { OaEvent } from './events.js';

export const ZALO_OA_WEBHOOK_PATH = '/zalo-oa/webhook';
export const SIGNATURE_HEADER = 'x-zevent-signature';

export function oaSignature(appId: string, rawBody: Buffer | string, timestamp: string, oaSecretKey: string): string {
  return createHash('sha256').update(appId).update(rawBody).update(timestamp).update(oaSecretKey).digest('hex');
}

export function createOaWebhookRoute(options: { appId: string; oaSecretKey: string; onEvent: (event: OaEvent) => void; log: Logger }): RouteHandler {
  return ({ headers, body }) => {
    let event: OaEvent;
    try {
      event = JSON.parse(body.toString('utf8')) as OaEvent;
    } catch {
      return { status: 400, body: 'bad json' };
    }
    const header = headers[SIGNATURE_HEADER];
    const given = (typeof header === 'string' ? header : '').trim().replace(/^mac=/i, '').toLowerCase();
    const timestamp = event !== null && typeof event === 'object' && event.timestamp !== undefined ? String(event.timestamp) : '';
    const expected = oaSignature(options.appId, body, timestamp, options.oaSecretKey);
    if (given === '' || !sameSecret(given, expected)) {
      options.log.warn('zalo-oa: webhook call refused: bad or missing X-ZEvent-Signature');
      return { status: 401, body: 'bad signature' };
    }
    setImmediate(() => options.onEvent(event));
    return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' };
  };
}
