/**
 * Keeps one Zalo session alive: logs in, listens, reconnects with back-off
 * after network drops, stops for good (status `logged_out`) when Zalo or the
 * saved login says a human must scan a QR again, and re-saves the cookies
 * zca-js refreshes. Nothing here throws out of `start()`: a broken Zalo must
 * never take the other channels down.
 */
import type { Message } from 'zca-js';
import { backoffDelay, type BackoffOptions } from '../shared/backoff.js';
import { createCredentialKeeper } from './credential-keeper.js';
import type { ZaloApi, ZaloConnect, ZaloCredentials } from './zalo-api.js';
import { closeVerdict, describeError, isLoginRejected, RELOGIN_FIX, type ZaloLog, type ZaloStatus } from './zalo-status.js';

/** A connection that stayed up this long resets the back-off; one that flaps keeps backing off. */
const STABLE_MS = 60_000;

/** zca-js logs in with fetch and no timeout; a login that hangs this long is retried like a network error. */
const CONNECT_TIMEOUT_MS = 30_000;

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Zalo within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export type ZaloConnectionDeps = {
  readonly connect: ZaloConnect;
  readonly log: ZaloLog;
  readonly backoff: BackoffOptions;
  readonly onMessage: (message: Message, api: ZaloApi) => void;
  readonly onStatus: (status: ZaloStatus) => void;
  readonly saveCredentials: ((credentials: ZaloCredentials) => Promise<void>) | undefined;
  readonly refreshEveryMs: number;
  readonly random: () => number;
  readonly now: () => Date;
};

export type ZaloConnection = {
  start(): Promise<void>;
  /** Stops listening and reconnecting; the API stays usable for sends until `finish()`. */
  halt(): void;
  /** Saves the latest cookies, forgets the API and reports `stopped`. */
  finish(): Promise<void>;
  api(): ZaloApi | undefined;
  status(): ZaloStatus;
  /** The refreshed login could not be written back to the session file. */
  credentialsFailing(): boolean;
};

export function createZaloConnection(deps: ZaloConnectionDeps): ZaloConnection {
  const { log } = deps;
  let current: ZaloApi | undefined;
  let generation = 0;
  let attempt = 0;
  let running = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let refreshTimer: ReturnType<typeof setInterval> | undefined;
  let connectedAt: number | undefined;
  let state: ZaloStatus = { state: 'stopped', since: deps.now().toISOString() };

  const report = (next: ZaloStatus): void => {
    state = next;
    try {
      deps.onStatus(next);
    } catch (error) {
      log.warn('Zalo onStatus callback threw', { error: describeError(error) });
    }
  };
  const since = (): string => deps.now().toISOString();

  const clearTimers = (): void => {
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    if (refreshTimer !== undefined) clearInterval(refreshTimer);
    retryTimer = undefined;
    refreshTimer = undefined;
  };

  const keeper = createCredentialKeeper(deps.saveCredentials, log);
  const saveIfChanged = keeper.saveIfChanged;

  const detach = (api: ZaloApi): void => {
    api.listener.removeAllListeners();
    try {
      api.listener.stop();
    } catch {
      // already closed
    }
  };

  const loggedOut = (reason: string): void => {
    running = false;
    generation += 1;
    clearTimers();
    if (current) detach(current);
    report({ state: 'logged_out', since: since(), reason });
    log.error(`Zalo is logged out and will not reconnect: ${reason}. ${RELOGIN_FIX}`, { status: 'logged_out' });
  };

  const retryLater = (reason: string): void => {
    attempt += 1;
    const delay = backoffDelay(attempt, deps.backoff, deps.random);
    report({ state: 'reconnecting', since: since(), attempt, retryInMs: delay, reason });
    log.warn(`Zalo connection lost (${reason}); reconnecting in ${Math.round(delay / 1000)} s`, { attempt, retryInMs: delay });
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void open();
    }, delay);
  };

  const onClose = (gen: number, api: ZaloApi, code: number, reason: string): void => {
    if (gen !== generation || !running) return; // 'disconnected' and 'closed' both fire: act once
    generation += 1;
    detach(api);
    void saveIfChanged(api);
    if (connectedAt !== undefined && deps.now().getTime() - connectedAt >= STABLE_MS) attempt = 0;
    connectedAt = undefined;
    const verdict = closeVerdict(code);
    if (!verdict.reconnect) return loggedOut(verdict.reason);
    retryLater(`closed with code ${code}${reason ? `: ${reason}` : ''}`);
  };

  const attach = (api: ZaloApi, gen: number): void => {
    const { listener } = api;
    listener.on('connected', () => {
      if (gen !== generation || !running) return;
      connectedAt = deps.now().getTime();
      report({ state: 'online', since: since(), ownId: api.getOwnId() });
      log.info('Zalo connected', { account: api.getOwnId() });
    });
    listener.on('message', (message) => {
      if (gen === generation && running) deps.onMessage(message, api);
    });
    listener.on('disconnected', (code, reason) => onClose(gen, api, code, reason));
    listener.on('closed', (code, reason) => onClose(gen, api, code, reason));
    listener.on('error', (error) => {
      if (gen === generation) log.warn('Zalo listener error', { error: describeError(error) });
    });
  };

  async function open(): Promise<void> {
    const gen = ++generation;
    report({ state: 'connecting', since: since() });
    let api: ZaloApi;
    try {
      api = await withTimeout(deps.connect(), CONNECT_TIMEOUT_MS);
    } catch (error) {
      if (gen !== generation || !running) return;
      if (isLoginRejected(error)) return loggedOut(describeError(error));
      return retryLater(`login failed: ${describeError(error)}`);
    }
    if (gen !== generation || !running) return detach(api);
    current = api;
    attach(api, gen);
    try {
      api.listener.start({ retryOnClose: false }); // reconnects are ours: with back-off, and a fresh login
    } catch (error) {
      generation += 1;
      detach(api);
      return retryLater(`listener failed to start: ${describeError(error)}`);
    }
    void saveIfChanged(api);
    if (refreshTimer === undefined && deps.saveCredentials) {
      refreshTimer = setInterval(() => {
        if (current) void saveIfChanged(current);
      }, deps.refreshEveryMs);
      refreshTimer.unref();
    }
  }

  return {
    async start() {
      if (running) return;
      running = true;
      attempt = 0;
      await open();
    },
    halt() {
      running = false;
      generation += 1;
      clearTimers();
      if (current) detach(current);
    },
    async finish() {
      if (current) await saveIfChanged(current);
      current = undefined;
      report({ state: 'stopped', since: since() });
    },
    api: () => current,
    status: () => state,
    credentialsFailing: () => keeper.failing(),
  };
}
