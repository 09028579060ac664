/**
 * FakeZaloOa — a Zalo Official Account stand-in on 127.0.0.1: the OAuth v4
 * token endpoint and the Open API calls the channel makes, on one port
 * (`root` serves as both ZALO_OA_OAUTH_ROOT and ZALO_OA_API_ROOT), plus a
 * sender of signed webhook events to the bot.
 *
 * - `POST /v4/oa/access_token` (header `secret_key`, form `app_id`,
 *   `grant_type`): `authorization_code` checks `code_verifier` against the
 *   PKCE challenge given to `authorize()`; `refresh_token` accepts only the
 *   current refresh token, once, and issues a new pair. Answers carry the
 *   fields at the top level, or under `data` with `tokenShape: 'data'`;
 *   `expires_in` is a string, as Zalo sends it.
 * - `POST /v3.0/oa/message/cs` (header `access_token`): −216 for an expired
 *   token; text 1–2,000 characters; `failNext(code)`; `outsideWindow` users
 *   answer −213.
 * - `POST /v2.0/oa/upload/image` (multipart `file`): an attachment_id.
 *
 * Limits: one app, one OA; no ZNS, no rate limits, no night hours.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { oaSignature } from '../../src/channels/zalo-oa/webhook.js';

export type OaSent = { userId: string; text: string; buttons?: { title: string; type: string; payload: string }[]; attachmentId?: string };

export class FakeZaloOa {
  readonly appId = '4567890123456789012';
  readonly appSecret = 'fake-app-secret-Zx9';
  readonly oaSecretKey = 'fake-oa-secret-key-Qw7';
  readonly oaId = '1029384756';
  root = '';
  /** Where events go: the bot's `/zalo-oa/webhook`. */
  webhookUrl = '';
  tokenShape: 'top' | 'data' = 'top';
  accessToken = 'at-1';
  refreshToken = 'rt-1';
  refreshes = 0;
  refuseButtons = false;
  readonly sent: OaSent[] = [];
  readonly calls: { path: string; body: unknown; status: number }[] = [];
  readonly outsideWindow = new Set<string>();
  private readonly codes = new Map<string, string>();
  private readonly failures: number[] = [];
  private expired = new Set<string>();
  private serial = 1;
  private readonly server = createServer((req, res) => void this.serve(req, res));

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.root = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The OA admin allowed the app: the code Zalo would put in the callback URL for this PKCE challenge. */
  authorize(challenge: string): string {
    const code = `code-${this.serial++}`;
    this.codes.set(code, challenge);
    return code;
  }

  /** The current access token stops working (Zalo answers −216 until it is refreshed). */
  expireAccessToken(): void {
    this.expired.add(this.accessToken);
  }

  failNext(code: number, times = 1): void {
    for (let i = 0; i < times; i += 1) this.failures.push(code);
  }

  textsTo(userId: string): string[] {
    return this.sent.filter((s) => s.userId === userId).map((s) => s.text);
  }

  /** A signed `user_send_text` event; returns it (post it again to simulate Zalo retrying). */
  userText(userId: string, text: string): Record<string, unknown> {
    return this.event('user_send_text', userId, { message: { msg_id: `msg${this.serial++}`, text } });
  }

  event(name: string, userId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    const event = {
      app_id: this.appId,
      event_name: name,
      timestamp: String(1_795_000_000_000 + this.serial++),
      ...(name === 'follow' ? { follower: { id: userId }, oa_id: this.oaId } : { sender: { id: userId }, recipient: { id: this.oaId } }),
      user_id_by_app: `app-${userId}`,
      ...extra,
    };
    void this.post(event);
    return event;
  }

  /** POSTs `event` signed (or with `signature` as given); resolves to the HTTP status. */
  async post(event: unknown, options: { signature?: string | null; body?: string } = {}): Promise<number> {
    const body = options.body ?? JSON.stringify(event);
    const timestamp = String((event as { timestamp?: unknown }).timestamp ?? '');
    const mac = options.signature === undefined ? `mac=${oaSignature(this.appId, body, timestamp, this.oaSecretKey)}` : options.signature;
    const response = await fetch(this.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(mac === null ? {} : { 'x-zevent-signature': mac }) },
      body,
    });
    await response.arrayBuffer();
    return response.status;
  }

  private issue(): Record<string, unknown> {
    this.accessToken = `at-${this.serial++}`;
    this.refreshToken = `rt-${this.serial++}`;
    const fields = { access_token: this.accessToken, refresh_token: this.refreshToken, expires_in: '90000', refresh_token_expires_in: '7776000' };
    return this.tokenShape === 'data' ? { data: fields, error: 0, message: 'Success' } : fields;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const path = new URL(req.url ?? '/', this.root).pathname;
    const reply = (body: unknown, status = 200): void => {
      this.calls.push({ path, body: parsed, status });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    let parsed: unknown = raw.toString('utf8');
    if (path === '/v4/oa/access_token') {
      const form = new URLSearchParams(raw.toString('utf8'));
      parsed = Object.fromEntries(form);
      if (req.headers['secret_key'] !== this.appSecret || form.get('app_id') !== this.appId) return reply({ error: -14002, error_name: 'Invalid app secret', error_description: 'wrong app id or secret_key' });
      if (form.get('grant_type') === 'authorization_code') {
        const challenge = this.codes.get(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        this.codes.delete(form.get('code') ?? '');
        if (challenge === undefined || createHash('sha256').update(verifier).digest('base64url') !== challenge) {
          return reply({ error: -14003, error_name: 'Invalid code', error_description: 'code or code_verifier is wrong' });
        }
        return reply(this.issue());
      }
      if (form.get('grant_type') === 'refresh_token') {
        if (form.get('refresh_token') !== this.refreshToken) return reply({ error: -14014, error_name: 'Invalid refresh token', error_description: 'refresh token is invalid or used' });
        this.refreshes += 1;
        return reply(this.issue());
      }
      return reply({ error: -14001, error_description: 'grant_type' });
    }
    const token = req.headers['access_token'];
    const tokenError = (): boolean => {
      if (typeof token !== 'string' || token !== this.accessToken || this.expired.has(token)) {
        reply({ error: -216, message: 'Access token is invalid' });
        return true;
      }
      return false;
    };
    if (path === '/v2.0/oa/upload/image') {
      if (tokenError()) return;
      return reply({ error: 0, message: 'Success', data: { attachment_id: `img-${this.serial++}` } });
    }
    if (path === '/v3.0/oa/message/cs') {
      const body = JSON.parse(raw.toString('utf8')) as { recipient?: { user_id?: string }; message?: { text?: string; attachment?: { payload?: { buttons?: OaSent['buttons']; elements?: { attachment_id?: string }[] } } } };
      parsed = body;
      if (tokenError()) return;
      const failure = this.failures.shift();
      if (failure !== undefined) return reply({ error: failure, message: `injected ${failure}` });
      const userId = body.recipient?.user_id ?? '';
      if (this.outsideWindow.has(userId)) return reply({ error: -213, message: 'User has not interacted with the OA in the last 7 days' });
      const text = body.message?.text ?? '';
      const buttons = body.message?.attachment?.payload?.buttons;
      const attachmentId = body.message?.attachment?.payload?.elements?.[0]?.attachment_id;
      if (buttons && this.refuseButtons) return reply({ error: -201, message: 'Parameters invalid: buttons' });
      if (text.length > 2000 || (text.length === 0 && attachmentId === undefined)) return reply({ error: -201, message: 'text must be 1-2000 characters' });
      this.sent.push({ userId, text, ...(buttons ? { buttons } : {}), ...(attachmentId ? { attachmentId } : {}) });
      return reply({ error: 0, message: 'Success', data: { message_id: `m${this.serial++}`, user_id: userId } });
    }
    reply({ error: -404, message: 'not found' }, 404);
  }
}
