/**
 * FakeBotApi — a small Telegram Bot API emulator on 127.0.0.1 (random port), so
 * tests run the REAL grammY bot with `client: { apiRoot: fake.apiRoot }`.
 *
 * Methods: getMe, getUpdates (offset confirms; long-poll `timeout`; a client abort
 * is fine), sendMessage, editMessageText, editMessageReplyMarkup,
 * answerCallbackQuery, setMyCommands, deleteWebhook, setWebhook, getWebhookInfo,
 * sendPhoto, sendDocument (JSON or multipart with attach://), sendChatAction.
 * Anything else answers 404 "Not Found: method not found", like the real server.
 *
 * Limits, on purpose:
 * - One bot, one token. Chats are private (chat id = user id) unless a test passes a group chat.
 * - parse_mode HTML: Telegram's tags plus &lt; &gt; &amp; &quot; &#NN;. A bare `&` or `<` is
 *   rejected (Telegram tolerates some), so missing escaping fails loudly. MarkdownV2 is not parsed.
 * - Incoming text gets only bot_command (offset 0) and @mention entities. No files to download
 *   (getFile), inline mode, edited messages, topics, albums, or allowed_updates filtering.
 * - Webhook mode: while a webhook is set, getUpdates answers 409 and each pushed update is POSTed
 *   to the webhook URL in order, without retries (statuses are kept in `webhookStatuses`).
 * - No built-in rate limits; inject failures with failNext() / blockChat().
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Chat, InlineKeyboardMarkup, Message, MessageEntity, Update, UserFromGetMe } from 'grammy/types';

type Params = Record<string, unknown>;
type Result = { ok: true; result: unknown } | { ok: false; error_code: number; description: string; parameters?: { retry_after: number } };
export type Failure = { code: number; description: string; retryAfter?: number };
export type FakeUser = { id: number; language_code?: string; first_name?: string };
export type ApiCall = { method: string; params: Params; failed?: Failure };
export type SentMessage = {
  message_id: number; chat_id: number; kind: 'text' | 'photo' | 'document';
  /** What the person sees: HTML entities decoded, tags removed. */
  text: string; raw: string; parse_mode?: string; reply_markup?: InlineKeyboardMarkup;
  file?: { name: string; bytes: Buffer }; reply_to?: number;
};

const TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'code', 'pre', 'a', 'span', 'tg-spoiler', 'blockquote']);
const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export function parseHtml(html: string): { text: string } | { error: string } {
  let text = '';
  const open: string[] = [];
  for (let i = 0; i < html.length; ) {
    const c = html[i] ?? '';
    if (c === '<') {
      const end = html.indexOf('>', i);
      const body = end === -1 ? '' : html.slice(i + 1, end).trim();
      const name = (body.startsWith('/') ? body.slice(1) : body).split(/\s/)[0]?.toLowerCase() ?? '';
      if (!TAGS.has(name)) return { error: `can't parse entities: Unsupported start tag "${name}" at byte offset ${i}` };
      if (!body.startsWith('/')) open.push(name);
      else if (open.pop() !== name) return { error: `can't parse entities: Unmatched end tag at byte offset ${i}, expected "</${open.at(-1) ?? ''}>"` };
      i = end + 1;
    } else if (c === '&') {
      const m = /^&(lt|gt|amp|quot|#\d+);/.exec(html.slice(i, i + 10));
      if (!m?.[1]) return { error: `can't parse entities: Character '&' is reserved and must be escaped at byte offset ${i}` };
      text += m[1].startsWith('#') ? String.fromCodePoint(Number(m[1].slice(1))) : (ENTITY[m[1]] ?? '');
      i += m[0].length;
    } else {
      text += c;
      i += 1;
    }
  }
  return open.length > 0 ? { error: `can't parse entities: Can't find end tag corresponding to start tag "${open.at(-1) ?? ''}"` } : { text };
}

function parseMultipart(body: Buffer, boundary: string): { params: Params; files: Map<string, { name: string; bytes: Buffer }> } {
  const params: Params = {};
  const files = new Map<string, { name: string; bytes: Buffer }>();
  const delimiter = Buffer.from(`--${boundary}`);
  for (let at = body.indexOf(delimiter); at !== -1; ) {
    const start = at + delimiter.length + 2;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    const part = body.subarray(start, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const data = part.subarray(split + 4);
    const name = /;\s*name="?([^";\r\n]+)"?/i.exec(head)?.[1] ?? '';
    const filename = /;\s*filename="?([^"\r\n]+)"?/i.exec(head)?.[1];
    if (filename !== undefined) files.set(name, { name: filename, bytes: Buffer.from(data) });
    else params[name] = name === 'reply_markup' ? JSON.parse(data.toString('utf8')) : data.toString('utf8');
    at = next;
  }
  return { params, files };
}

function entitiesOf(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const m of text.matchAll(/(^|\s)(@[A-Za-z0-9_]{3,})/g)) {
    entities.push({ type: 'mention', offset: (m.index ?? 0) + (m[1]?.length ?? 0), length: m[2]?.length ?? 0 });
  }
  return entities;
}

export async function startFakeBotApi(options: { username?: string; token?: string } = {}) {
  const token = options.token ?? '123456:TEST-token';
  const botInfo: UserFromGetMe = {
    id: 123456, is_bot: true, first_name: 'Test bot', username: options.username ?? 'tenmien_test_bot',
    can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false,
    can_connect_to_business: false, has_main_web_app: false, has_topics_enabled: false, allows_users_to_create_topics: false,
  } as UserFromGetMe;
  const queue: Update[] = [];
  const calls: ApiCall[] = [];
  const messages: SentMessage[] = [];
  const chats = new Map<number, Chat>();
  const openQueries = new Set<string>();
  const answered: { id: string; text?: string }[] = [];
  const failures: { method: string; failure: Failure }[] = [];
  const blocked = new Set<number>();
  const listeners = new Set<() => void>();
  const webhookStatuses: number[] = [];
  let webhook: { url: string; secret_token?: string } | undefined;
  let deliveries: Promise<unknown> = Promise.resolve();
  let nextUpdateId = 1000;
  let nextMessageId = 1;
  let confirmedOffset = 0;
  const changed = (): void => listeners.forEach((notify) => notify());
  const fail = (code: number, description: string, retryAfter?: number): Result => ({
    ok: false, error_code: code, description, ...(retryAfter === undefined ? {} : { parameters: { retry_after: retryAfter } }),
  });
  const chatOf = (id: number): Chat => chats.get(id) ?? { id, type: 'private', first_name: 'User' };

  function postToWebhook(update: Update, secret = webhook?.secret_token): Promise<number> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (secret !== undefined) headers['x-telegram-bot-api-secret-token'] = secret;
    return fetch(webhook?.url ?? 'http://127.0.0.1:9/', { method: 'POST', headers, body: JSON.stringify(update) }).then((r) => r.status);
  }
  function push(update: Omit<Update, 'update_id'>): Update {
    const full = { update_id: nextUpdateId++, ...update } as Update;
    if (webhook) {
      const record = (status: number): void => { webhookStatuses.push(status); changed(); };
      deliveries = deliveries.then(() => postToWebhook(full).then(record, () => record(0)));
    } else queue.push(full);
    changed();
    return full;
  }

  function send(kind: SentMessage['kind'], p: Params, file?: { name: string; bytes: Buffer }): Result {
    const chatId = Number(p['chat_id']);
    if (blocked.has(chatId)) return fail(403, 'Forbidden: bot was blocked by the user');
    const raw = String((kind === 'text' ? p['text'] : p['caption']) ?? '');
    const parsed = p['parse_mode'] === 'HTML' ? parseHtml(raw) : { text: raw };
    if ('error' in parsed) return fail(400, `Bad Request: ${parsed.error}`);
    if (kind === 'text' && parsed.text.trim() === '') return fail(400, 'Bad Request: message text is empty');
    if (parsed.text.length > (kind === 'text' ? 4096 : 1024)) return fail(400, `Bad Request: message ${kind === 'text' ? 'is' : 'caption is'} too long`);
    const markup = p['reply_markup'] as InlineKeyboardMarkup | undefined;
    const badButton = markup?.inline_keyboard.flat().some((b) => 'callback_data' in b && Buffer.byteLength(b.callback_data) > 64);
    if (badButton) return fail(400, 'Bad Request: BUTTON_DATA_INVALID');
    const replyTo = (p['reply_parameters'] as { message_id?: number } | undefined)?.message_id;
    const sent: SentMessage = {
      message_id: nextMessageId++, chat_id: chatId, kind, text: parsed.text, raw,
      ...(typeof p['parse_mode'] === 'string' ? { parse_mode: p['parse_mode'] } : {}),
      ...(markup ? { reply_markup: markup } : {}), ...(file ? { file } : {}), ...(replyTo === undefined ? {} : { reply_to: replyTo }),
    };
    messages.push(sent);
    return { ok: true, result: toMessage(sent) };
  }
  function toMessage(m: SentMessage): Message {
    const media = m.kind === 'photo' ? { photo: [{ file_id: `p${m.message_id}`, file_unique_id: `p${m.message_id}`, width: 1, height: 1 }] }
      : m.kind === 'document' ? { document: { file_id: `d${m.message_id}`, file_unique_id: `d${m.message_id}`, file_name: m.file?.name ?? '' } } : {};
    const body = m.kind === 'text' ? { text: m.text } : m.text ? { caption: m.text } : {};
    return { message_id: m.message_id, date: Math.floor(Date.now() / 1000), chat: chatOf(m.chat_id), from: botInfo, ...body, ...media,
      ...(m.reply_markup ? { reply_markup: m.reply_markup } : {}) } as Message;
  }
  function edit(p: Params, what: 'text' | 'markup'): Result {
    const m = messages.find((x) => x.message_id === Number(p['message_id']) && x.chat_id === Number(p['chat_id']));
    if (!m) return fail(400, 'Bad Request: message to edit not found');
    const markup = p['reply_markup'] as InlineKeyboardMarkup | undefined;
    const text = what === 'text' ? String(p['text'] ?? '') : m.text;
    if (text === m.text && JSON.stringify(markup?.inline_keyboard ?? []) === JSON.stringify(m.reply_markup?.inline_keyboard ?? [])) {
      return fail(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
    }
    m.text = text;
    if (markup) m.reply_markup = markup;
    else delete m.reply_markup;
    return { ok: true, result: toMessage(m) };
  }

  async function getUpdates(p: Params, res: ServerResponse): Promise<Result> {
    if (webhook) return fail(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    const offset = Number(p['offset'] ?? 0);
    if (offset > 0) {
      confirmedOffset = Math.max(confirmedOffset, offset);
      queue.splice(0, queue.filter((u) => u.update_id < offset).length);
    }
    const timeout = Number(p['timeout'] ?? 0) * 1000;
    if (queue.length === 0 && timeout > 0) {
      await new Promise<void>((resolve) => {
        const done = (): void => { clearTimeout(timer); listeners.delete(check); res.off('close', done); resolve(); };
        const check = (): void => { if (queue.length > 0) done(); };
        const timer = setTimeout(done, timeout);
        listeners.add(check);
        res.on('close', done);
      });
    }
    return { ok: true, result: queue.slice(0, Number(p['limit'] ?? 100)) };
  }

  async function call(method: string, p: Params, files: Map<string, { name: string; bytes: Buffer }>, res: ServerResponse): Promise<Result> {
    const i = failures.findIndex((f) => f.method === method);
    const injected = i === -1 ? undefined : failures.splice(i, 1)[0]?.failure;
    calls.push({ method, params: p, ...(injected ? { failed: injected } : {}) });
    if (injected) return fail(injected.code, injected.description, injected.retryAfter);
    const fileOf = (field: string): { name: string; bytes: Buffer } => {
      const ref = String(p[field] ?? '');
      return files.get(ref.replace(/^attach:\/\//, '')) ?? { name: ref, bytes: Buffer.alloc(0) };
    };
    switch (method) {
      case 'getMe': return { ok: true, result: botInfo };
      case 'getUpdates': return getUpdates(p, res);
      case 'sendMessage': return send('text', p);
      case 'sendPhoto': return send('photo', p, fileOf('photo'));
      case 'sendDocument': return send('document', p, fileOf('document'));
      case 'editMessageText': return edit(p, 'text');
      case 'editMessageReplyMarkup': return edit(p, 'markup');
      case 'answerCallbackQuery': {
        const id = String(p['callback_query_id']);
        if (!openQueries.delete(id)) return fail(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
        answered.push({ id, ...(typeof p['text'] === 'string' ? { text: p['text'] } : {}) });
        return { ok: true, result: true };
      }
      case 'setWebhook': webhook = { url: String(p['url']), ...(typeof p['secret_token'] === 'string' ? { secret_token: p['secret_token'] } : {}) }; return { ok: true, result: true };
      case 'deleteWebhook': webhook = undefined; return { ok: true, result: true };
      case 'getWebhookInfo': return { ok: true, result: { url: webhook?.url ?? '', has_custom_certificate: false, pending_update_count: queue.length } };
      case 'setMyCommands': case 'sendChatAction': return { ok: true, result: true };
      default: return fail(404, 'Not Found: method not found');
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = /^\/bot([^/]+)\/([A-Za-z]+)/.exec(req.url ?? '');
      const body = Buffer.concat(chunks);
      const boundary = /boundary=(.+)$/.exec(req.headers['content-type'] ?? '')?.[1];
      const { params, files } = boundary ? parseMultipart(body, boundary)
        : { params: (body.length > 0 ? JSON.parse(body.toString('utf8')) : {}) as Params, files: new Map<string, { name: string; bytes: Buffer }>() };
      const result: Promise<Result> = match?.[1] !== token ? Promise.resolve(fail(401, 'Unauthorized')) : call(match[2] ?? '', params, files, res);
      void result.then((r) => {
        if (!res.destroyed) res.writeHead(r.ok ? 200 : r.error_code, { 'content-type': 'application/json' }).end(JSON.stringify(r));
        changed();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const waitUntil = <T>(probe: () => T | undefined, what: string, timeoutMs = 4000): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const value = probe();
        if (value === undefined) return;
        clearTimeout(timer); listeners.delete(check); resolve(value);
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`FakeBotApi: timed out waiting for ${what}. Calls so far: ${calls.map((c) => c.method).join(', ')}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });

  const user = (u: FakeUser | number): FakeUser => (typeof u === 'number' ? { id: u } : u);
  const from = (u: FakeUser) => ({ id: u.id, is_bot: false, first_name: u.first_name ?? 'Người dùng', ...(u.language_code ? { language_code: u.language_code } : {}) });

  return {
    token, botInfo, apiRoot, calls, answered, webhookStatuses,
    get webhook() { return webhook; },
    get confirmedOffset() { return confirmedOffset; },
    /** A message from `who` (in their private chat unless `chat` is given); `fields` adds text, sticker, photo… */
    pushMessage(who: FakeUser | number, fields: Partial<Message>, chat?: Chat): Update {
      const u = user(who);
      const c = chat ?? chatOf(u.id);
      chats.set(c.id, c);
      const text = typeof fields.text === 'string' ? { entities: entitiesOf(fields.text) } : {};
      return push({ message: { message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat: c, from: from(u), ...text, ...fields } } as Omit<Update, 'update_id'>);
    },
    pushText(who: FakeUser | number, text: string, chat?: Chat): Update {
      return this.pushMessage(who, { text }, chat);
    },
    /** A button press on a message the bot sent; returns the callback query id. */
    pushCallback(who: FakeUser | number, message: SentMessage, data: string): string {
      const id = `cq${nextUpdateId}`;
      openQueries.add(id);
      push({ callback_query: { id, from: from(user(who)), chat_instance: `ci${message.chat_id}`, data, message: toMessage(message) } } as Omit<Update, 'update_id'>);
      return id;
    },
    /** Any update as-is (channel posts, edited messages…); update_id is filled in. */
    pushUpdate: push,
    postToWebhook,
    sent: (chatId: number): SentMessage[] => messages.filter((m) => m.chat_id === chatId),
    callsTo: (method: string): ApiCall[] => calls.filter((c) => c.method === method),
    waitForMessages(chatId: number, n: number, timeoutMs?: number): Promise<SentMessage[]> {
      return waitUntil(() => { const got = this.sent(chatId); return got.length >= n ? got : undefined; }, `${n} message(s) to chat ${chatId}`, timeoutMs);
    },
    waitForCall(method: string, predicate: (c: ApiCall) => boolean = () => true, timeoutMs?: number): Promise<ApiCall> {
      return waitUntil(() => calls.find((c) => c.method === method && predicate(c)), `a ${method} call`, timeoutMs);
    },
    waitUntil,
    /** The next `times` calls to `method` fail, e.g. { code: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 }. */
    failNext(method: string, failure: Failure, times = 1): void {
      for (let i = 0; i < times; i++) failures.push({ method, failure });
    },
    blockChat: (chatId: number): void => { blocked.add(chatId); },
    close(): Promise<void> {
      changed();
      return new Promise((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
    },
  };
}

export type FakeBotApi = Awaited<ReturnType<typeof startFakeBotApi>>;
