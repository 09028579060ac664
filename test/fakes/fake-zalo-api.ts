/**
 * A working fake of the ZaloApi port. It emits REAL zca-js message objects
 * (`UserMessage` / `GroupMessage` built from full `TMessage` data, the way
 * zca-js's listener builds them), records what the bot sends, and can fail
 * logins and sends or close the socket with any code. One instance survives
 * reconnects, like the same account logging in again.
 */
import { EventEmitter } from 'node:events';
import { GroupMessage, ThreadType, UserMessage } from 'zca-js';
import type { API, TGroupMessage, TMessage } from 'zca-js';
import type { ZaloApi, ZaloCookie } from '../../src/channels/zalo/zalo-api.js';

type ListenerEvents = {
  message: [message: UserMessage | GroupMessage];
  connected: [];
  disconnected: [code: number, reason: string];
  closed: [code: number, reason: string];
  error: [error: unknown];
};

export class FakeZaloListener extends EventEmitter<ListenerEvents> {
  started = false;
  starts = 0;

  start(_options?: { retryOnClose?: boolean }): void {
    if (this.started) throw new Error('Already started'); // as zca-js
    this.started = true;
    this.starts += 1;
    queueMicrotask(() => this.emit('connected'));
  }

  /** Like zca-js: closes with 1000, whose events arrive after the caller detached. */
  stop(): void {
    if (!this.started) return;
    this.started = false;
    queueMicrotask(() => {
      this.emit('disconnected', 1000, '');
      this.emit('closed', 1000, '');
    });
  }
}

export type SentMessage = {
  readonly threadId: string;
  readonly type: ThreadType;
  readonly text: string;
  readonly attachments: readonly { readonly filename: string; readonly size: number }[];
  readonly at: number;
};

type Content = Parameters<API['sendMessage']>[0];

const HANG = Symbol('hang');

let sequence = 7_000_000_000;

export function messageData(fields: Partial<TMessage> & Pick<TMessage, 'uidFrom' | 'idTo' | 'content'>): TMessage {
  sequence += 1;
  return {
    actionId: String(sequence),
    msgId: String(sequence),
    cliMsgId: String(1_763_900_000_000 + sequence),
    msgType: 'webchat',
    dName: 'Người dùng',
    ts: String(1_763_900_000_000 + sequence),
    status: 1,
    notify: '1',
    ttl: 0,
    userId: '0',
    uin: '0',
    topOut: '0',
    topOutTimeOut: '0',
    topOutImprTimeOut: '0',
    propertyExt: undefined,
    paramsExt: { countUnread: 1, containType: 0, platformType: 1 },
    cmd: 501,
    st: 3,
    at: 5,
    realMsgId: '0',
    quote: undefined,
    ...fields,
  };
}

export class FakeZaloApi implements ZaloApi {
  readonly listener = new FakeZaloListener();
  readonly sent: SentMessage[] = [];
  ownId = '100200300400500';
  connects = 0;
  cookies: ZaloCookie[] = [{ key: 'zpw_sek', value: 'sek-1', domain: 'chat.zalo.me', path: '/' }];
  /** When set, every send that carries an attachment fails with it (upload refused). */
  uploadFailure: unknown = undefined;
  private readonly connectFailures: unknown[] = [];
  private readonly sendFailures: unknown[] = [];

  /** The `connect` to give the channel: counts logins and fails the queued ones. */
  readonly connect = async (): Promise<ZaloApi> => {
    this.connects += 1;
    if (this.connectFailures.length > 0) {
      const failure = this.connectFailures.shift();
      if (failure === HANG) return new Promise<never>(() => undefined);
      throw failure;
    }
    return this;
  };

  readonly sendMessage: API['sendMessage'] = async (message: Content, threadId: string, type: ThreadType = ThreadType.User) => {
    if (this.sendFailures.length > 0) throw this.sendFailures.shift();
    const content = typeof message === 'string' ? { msg: message } : message;
    const sources = content.attachments === undefined ? [] : [content.attachments].flat();
    if (sources.length > 0 && this.uploadFailure !== undefined) throw this.uploadFailure;
    const attachments = sources.map((source) =>
      typeof source === 'string' ? { filename: source, size: 0 } : { filename: source.filename, size: source.data.length },
    );
    this.sent.push({ threadId, type, text: content.msg, attachments, at: Date.now() });
    return { message: { msgId: this.sent.length }, attachment: attachments.map((_, i) => ({ msgId: 1000 + i })) };
  };

  readonly getOwnId = (): string => this.ownId;
  readonly getContext = () => ({ imei: 'fake-imei-0001', userAgent: 'Mozilla/5.0 (FakeZalo)', language: 'vi' });
  readonly getCookie = () => ({
    toJSON: () => ({ version: 'tough-cookie@5', storeType: 'MemoryCookieStore', rejectPublicSuffixes: true, cookies: this.cookies }),
  });

  failConnect(error: unknown, times = 1): void {
    for (let i = 0; i < times; i += 1) this.connectFailures.push(error);
  }

  /** The next login never answers (zca-js's fetch has no timeout). */
  hangNextConnect(): void {
    this.connectFailures.push(HANG);
  }

  failSend(error: unknown): void {
    this.sendFailures.push(error);
  }

  /** A direct message from `uid`, as zca-js builds it (threadId = sender). */
  userText(uid: string, text: string, fields: Partial<TMessage> = {}): UserMessage {
    return this.deliver(new UserMessage(this.ownId, messageData({ uidFrom: uid, idTo: '0', content: text, ...fields })));
  }

  userMedia(uid: string, msgType: string, content: TMessage['content'] = { href: 'https://zalo.example/x', title: '' }): UserMessage {
    return this.userText(uid, '', { msgType, content });
  }

  /** A message the bot's own account sent (from a phone): zca-js marks uidFrom "0". */
  selfText(toUid: string, text: string): UserMessage {
    return this.deliver(new UserMessage(this.ownId, messageData({ uidFrom: '0', idTo: toUid, content: text })));
  }

  groupText(groupId: string, uid: string, text: string): GroupMessage {
    const data: TGroupMessage = { ...messageData({ uidFrom: uid, idTo: groupId, content: text, cmd: 521 }), mentions: undefined };
    return this.deliver(new GroupMessage(this.ownId, data));
  }

  /** Emits a message object (also to redeliver one already sent). */
  deliver<M extends UserMessage | GroupMessage>(message: M): M {
    if (this.listener.started) this.listener.emit('message', message);
    return message;
  }

  /** The socket closes: zca-js (retryOnClose off) emits 'disconnected' then 'closed'. */
  close(code: number, reason = ''): void {
    this.listener.started = false;
    this.listener.emit('disconnected', code, reason);
    this.listener.emit('closed', code, reason);
  }

  textsTo(threadId: string): string[] {
    return this.sent.filter((m) => m.threadId === threadId).map((m) => m.text);
  }
}
