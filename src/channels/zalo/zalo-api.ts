/**
 * The narrow port between the Zalo channel and zca-js: only the calls the
 * adapter makes. Every member is typed from zca-js's own declarations, and
 * `connectZalo` returns the real `API` where a `ZaloApi` is expected, so the
 * compiler checks this port against the installed zca-js on every build.
 */
import { Zalo } from 'zca-js';
import type { API, LoginQRCallbackEvent, LoginQRCallbackEventType, Message } from 'zca-js';
import { readZaloSession } from './session-file.js';

/** One cookie as zca-js serialises it (tough-cookie's SerializedCookie). */
export type ZaloCookie = Extract<
  LoginQRCallbackEvent,
  { type: LoginQRCallbackEventType.GotLoginInfo }
>['data']['cookie'][number];

/** What `loginQR` hands over and `login` takes back: persisted in ZALO_SESSION_PATH. */
export type ZaloCredentials = {
  readonly cookie: ZaloCookie[];
  readonly imei: string;
  readonly userAgent: string;
  readonly language?: string;
};

/**
 * The listener events the adapter uses. Close codes are zca-js `CloseReason`
 * values (1000 manual, 1006 abnormal, 3000 duplicate connection, 3003 kicked),
 * typed as `number` because the WebSocket can report any code.
 */
export type ZaloListener = {
  on(event: 'message', handler: (message: Message) => void): unknown;
  on(event: 'connected', handler: () => void): unknown;
  on(event: 'closed' | 'disconnected', handler: (code: number, reason: string) => void): unknown;
  on(event: 'error', handler: (error: unknown) => void): unknown;
  removeAllListeners(): unknown;
  start(options?: { retryOnClose?: boolean }): void;
  stop(): void;
};

export type ZaloApi = {
  readonly listener: ZaloListener;
  readonly sendMessage: API['sendMessage'];
  readonly getOwnId: API['getOwnId'];
  /** For re-saving credentials: the session's device id and user agent. */
  readonly getContext: () => Pick<ReturnType<API['getContext']>, 'imei' | 'userAgent' | 'language'>;
  /** The live cookie jar: zca-js stores every Set-Cookie Zalo sends, so this is where refreshed cookies appear. */
  readonly getCookie: () => Pick<ReturnType<API['getCookie']>, 'toJSON'>;
};

export type ZaloConnect = () => Promise<ZaloApi>;

/** zca-js options for a bot: never echo own messages, never call GitHub for updates, keep its logger quiet. */
export const ZCA_OPTIONS = { selfListen: false, checkUpdate: false, logging: false } as const;

/** Logs in with saved credentials (network: Zalo's servers). Not exercised in tests. */
export async function connectZalo(credentials: ZaloCredentials): Promise<ZaloApi> {
  const api: API = await new Zalo(ZCA_OPTIONS).login(credentials);
  return api;
}

/** The default `connect`: reads ZALO_SESSION_PATH on every (re)connect, so a re-saved or re-scanned login is picked up. */
export function createZaloConnector(sessionPath: string): ZaloConnect {
  return async () => connectZalo(await readZaloSession(sessionPath));
}

/** A snapshot of the credentials the API holds now (cookies included), for re-saving. */
export function credentialsOf(api: ZaloApi): ZaloCredentials {
  const context = api.getContext();
  const cookie = api.getCookie().toJSON()?.cookies ?? [];
  return { cookie, imei: context.imei, userAgent: context.userAgent, language: context.language };
}
