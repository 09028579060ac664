/**
 * FakeZaloBotApi — a small Zalo Bot Platform emulator on 127.0.0.1 (random
 * port), so tests run the real channel with `apiRoot: fake.apiRoot`.
 *
 * `POST /bot<TOKEN>/<method>` with a JSON body → `{ok: true, result}` or
 * `{ok: false, error_code, description}`. Methods: getMe; getUpdates
 * (`timeout` in seconds, held at most `holdMs`; ONE update per answer, then
 * error_code 408 when nothing came — in the JSON or, with `emptyAsHttp`, as
 * the HTTP status); sendMessage (1–2,000 characters, else 400); sendPhoto
 * (`photo` must be an http(s) URL); sendChatAction; setWebhook (secret_token
 * 8–256), deleteWebhook, getWebhookInfo. While a webhook is set, updates are
 * POSTed to it with `X-Bot-Api-Secret-Token` instead of queued.
 *
 * Limits, on purpose: one bot; no files, no groups beyond a `chat_type`; no
 * rate limits (inject failures with failNext).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type BotUpdate = {
  event_name: string;
  message: {
    message_id: string;
    chat: { id: string; chat_type: 'PRIVATE' | 'GROUP' };
    from: { id: string; display_name: string; is_bot: boolean };
    date: number;
    text?: string;
  };
};
export type BotCall = { method: string; params: Record<string, unknown> };
export type BotSent = { method: 'sendMessage' | 'sendPhoto'; chat_id: string; text: string; photo?: string };

export const FAKE_BOT_TOKEN = '3141592653589:fake-zalo-bot-secret-0123456789';

export class FakeZaloBotApi {
  readonly token: string;
  apiRoot = '';
  /** How long an empty getUpdates waits before 408 (ms); the real server waits `timeout` seconds. */
  holdMs = 200;
  /** Answer empty polls with HTTP status 408 (no JSON body) instead of `{ok:false,error_code:408}`. */
  emptyAsHttp = false;
  readonly calls: BotCall[] = [];
  readonly sent: BotSent[] = [];
  readonly webhookStatuses: number[] = [];
  webhook: { url: string; secret: string } | undefined;
  private readonly queue: BotUpdate[] = [];
  private waiting: (() => void) | undefined;
  private readonly failures: { method: string; code: number; http: boolean }[] = [];
  private nextId = 1;
  private readonly server = createServer((req, res) => void this.serve(req, res));

  constructor(token = FAKE_BOT_TOKEN) {
    this.token = token;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.apiRoot = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.waiting?.();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `method` call fails with `code` (as JSON, or as the bare HTTP status with `http`). */
  failNext(method: string, code: number, options: { times?: number; http?: boolean } = {}): void {
    for (let i = 0; i < (options.times ?? 1); i += 1) this.failures.push({ method, code, http: options.http === true });
  }

  /** A person writes to the bot; returns the update (push it again to simulate a redelivery). */
  userText(chatId: string, text: string, options: { group?: boolean; event?: string } = {}): BotUpdate {
    const update: BotUpdate = {
      event_name: options.event ?? 'message.text.received',
      message: {
        message_id: `mid${this.nextId++}`,
        chat: { id: chatId, chat_type: options.group ? 'GROUP' : 'PRIVATE' },
        from: { id: chatId, display_name: 'Người dùng', is_bot: false },
        date: 1_795_000_000_000 + this.nextId,
        ...(options.event === undefined || options.event === 'message.text.received' ? { text } : {}),
      },
    };
    this.push(update);
    return update;
  }

  push(update: BotUpdate): void {
    if (this.webhook) {
      void this.post(update);
      return;
    }
    this.queue.push(update);
    this.waiting?.();
  }

  /** POSTs `update` to the webhook with `secret` (default: the registered one; null: no header); resolves to the HTTP status. */
  async post(update: unknown, secret: string | null | undefined = this.webhook?.secret): Promise<number> {
    if (!this.webhook) throw new Error('No webhook set: the bot has not called setWebhook.');
    const response = await fetch(this.webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret === undefined || secret === null ? {} : { 'x-bot-api-secret-token': secret }) },
      body: JSON.stringify(update),
    });
    await response.arrayBuffer();
    this.webhookStatuses.push(response.status);
    return response.status;
  }

  textsTo(chatId: string): string[] {
    return this.sent.filter((s) => s.chat_id === chatId).map((s) => s.text);
  }

  count(method: string): number {
    return this.calls.filter((c) => c.method === method).length;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? '');
    const send = (status: number, body: unknown): void => {
      if (res.writableEnded) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (!match || match[1] !== this.token) return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = match[2] ?? '';
    let params: Record<string, unknown> = {};
    try {
      const raw = Buffer.concat(chunks).toString('utf8');
      params = raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
    } catch {
      return send(400, { ok: false, error_code: 400, description: 'Bad Request: invalid JSON' });
    }
    this.calls.push({ method, params });
    const failure = this.failures.findIndex((f) => f.method === method);
    if (failure !== -1) {
      const [f] = this.failures.splice(failure, 1);
      if (f?.http) {
        res.writeHead(f.code);
        res.end('');
        return;
      }
      return send(200, { ok: false, error_code: f?.code, description: `injected failure ${f?.code}` });
    }
    const ok = (result: unknown): void => send(200, { ok: true, result });
    const bad = (description: string): void => send(200, { ok: false, error_code: 400, description: `Bad Request: ${description}` });
    switch (method) {
      case 'getMe':
        return ok({ id: this.token.split(':')[0], account_name: 'bot.tenmien', account_type: 'BASIC', can_join_groups: false });
      case 'getUpdates': {
        if (this.webhook) return send(200, { ok: false, error_code: 409, description: 'Conflict: webhook is active' });
        if (this.queue.length === 0) {
          const hold = Math.min(this.holdMs, Number(params['timeout'] ?? 30) * 1000);
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, hold);
            this.waiting = () => {
              clearTimeout(timer);
              resolve();
            };
            req.once('close', () => resolve());
          });
          this.waiting = undefined;
        }
        const update = this.queue.shift();
        if (update !== undefined) return ok(update);
        if (this.emptyAsHttp) {
          if (!res.writableEnded) {
            res.writeHead(408);
            res.end('');
          }
          return;
        }
        return send(200, { ok: false, error_code: 408, description: 'Request timeout' });
      }
      case 'sendMessage': {
        const text = params['text'];
        if (typeof params['chat_id'] !== 'string' || params['chat_id'] === '') return bad('chat_id is required');
        if (typeof text !== 'string' || text.length < 1 || text.length > 2000) return bad(`text must be 1-2000 characters (got ${typeof text === 'string' ? text.length : typeof text})`);
        this.sent.push({ method: 'sendMessage', chat_id: params['chat_id'], text });
        return ok({ message_id: `out${this.nextId++}`, date: Date.now() });
      }
      case 'sendPhoto': {
        const photo = params['photo'];
        if (typeof photo !== 'string' || !/^https?:\/\//.test(photo)) return bad('photo must be a URL');
        this.sent.push({ method: 'sendPhoto', chat_id: String(params['chat_id']), text: String(params['caption'] ?? ''), photo });
        return ok({ message_id: `out${this.nextId++}`, date: Date.now() });
      }
      case 'sendChatAction':
        return ok(true);
      case 'setWebhook': {
        const secret = params['secret_token'];
        if (typeof params['url'] !== 'string' || typeof secret !== 'string' || secret.length < 8 || secret.length > 256) return bad('url and secret_token (8-256) are required');
        this.webhook = { url: params['url'], secret };
        return ok({ url: params['url'], updated_at: Date.now() });
      }
      case 'deleteWebhook':
        this.webhook = undefined;
        return ok({ url: '', updated_at: Date.now() });
      case 'getWebhookInfo':
        return ok({ url: this.webhook?.url ?? '', updated_at: Date.now() });
      default:
        return send(404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    }
  }
}
