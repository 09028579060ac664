/**
 * The Zalo channel: a thin adapter between zca-js and the engine's Handler.
 * Direct messages only; de-duplicated, processed in order per person, replies
 * throttled globally (the runner limits each person's rate, as on every channel). See connection.ts for the
 * reconnect and logged-out rules.
 */
import { ThreadType } from 'zca-js';
import type { Message } from 'zca-js';
import type { Address, Handler, Input, Locale, TurnResult } from '../../core/message.js';
import { parseAddress } from '../../core/message.js';
import type { Channel } from '../../core/ports.js';
import type { Translate } from '../../i18n.js';
import { DEFAULT_BACKOFF, type BackoffOptions } from '../shared/backoff.js';
import { createZaloConnection } from './connection.js';
import { classify } from './inbound.js';
import { createZaloSender } from './outbound.js';
import { createRecentIds } from '../shared/recent-ids.js';
import { ZALO_MAX_TEXT } from '../shared/numbered-choices.js';
import { createSendThrottle } from '../shared/send-throttle.js';
import { resaveZaloSession } from './session-file.js';
import { createSerializer } from '../../core/serializer.js';
import { createZaloConnector, type ZaloApi, type ZaloConnect, type ZaloCredentials } from './zalo-api.js';
import { describeError, RELOGIN_FIX, zaloHealth, type ZaloLog, type ZaloStatus } from './zalo-status.js';

/** Account-safety defaults (see the "Run on Zalo" notes): ≤ 1 message/s out. */
export const ZALO_DEFAULTS = {
  throttle: { minIntervalMs: 1_000 },
  backoff: DEFAULT_BACKOFF,
  groupNoticeEveryMs: 60 * 60_000,
  refreshCredentialsEveryMs: 30 * 60_000,
  dedupe: { max: 5_000, ttlMs: 15 * 60_000 },
} as const;

export type ZaloChannelDeps = {
  readonly handle: Handler;
  readonly t: Translate;
  readonly log: ZaloLog;
  /** ZALO_SESSION_PATH: read by the default `connect`, rewritten (0600) when zca-js refreshes cookies. */
  readonly sessionPath?: string;
  /** Defaults to reading `sessionPath` and logging in with zca-js. */
  readonly connect?: ZaloConnect;
  /** Defaults to writing `sessionPath`; pass one to store credentials elsewhere. */
  readonly saveCredentials?: (credentials: ZaloCredentials) => Promise<void>;
  /** Answer group messages with a short "message me privately" notice (once per group per hour). */
  readonly groupRedirect?: boolean;
  readonly throttle?: { readonly minIntervalMs: number };
  readonly backoff?: BackoffOptions;
  readonly onStatus?: (status: ZaloStatus) => void;
  /** The person's language for sends outside a turn (and the apology when the turn itself failed). Default 'vi'. */
  readonly locale?: (address: Address) => Locale | Promise<Locale>;
  readonly maxTextLength?: number;
  readonly refreshCredentialsEveryMs?: number;
  readonly random?: () => number;
  readonly now?: () => Date;
};

export type ZaloChannel = Channel & { status(): ZaloStatus };

export function createZaloChannel(deps: ZaloChannelDeps): ZaloChannel {
  const { log, t } = deps;
  const now = deps.now ?? (() => new Date());
  const nowMs = (): number => now().getTime();
  const connect = deps.connect ?? (deps.sessionPath !== undefined ? createZaloConnector(deps.sessionPath) : undefined);
  if (!connect) throw new Error('createZaloChannel needs `sessionPath` (set ZALO_SESSION_PATH) or a `connect` function.');
  const sessionPath = deps.sessionPath;
  const resave = async (path: string, credentials: ZaloCredentials): Promise<void> => {
    if ((await resaveZaloSession(path, credentials, now())) === 'kept-newer-login') {
      log.warn(`${path} holds a newer Zalo login (zalo-login was run); not overwriting it. Restart the bot to use it.`);
    }
  };
  const saveCredentials = deps.saveCredentials ?? (sessionPath !== undefined ? (c: ZaloCredentials) => resave(sessionPath, c) : undefined);
  const localeOf = async (address: Address): Promise<Locale> => {
    try {
      return deps.locale ? await deps.locale(address) : 'vi';
    } catch (error) {
      log.warn('Zalo locale lookup failed; using vi', { address, error: describeError(error) });
      return 'vi';
    }
  };

  const throttle = createSendThrottle({ ...(deps.throttle ?? ZALO_DEFAULTS.throttle), now: nowMs });
  const recent = createRecentIds({ ...ZALO_DEFAULTS.dedupe, now: nowMs });
  const queue = createSerializer();
  const groupNotices = new Map<string, number>();
  let stopping: Promise<void> | undefined;

  const connection = createZaloConnection({
    connect,
    log,
    backoff: deps.backoff ?? ZALO_DEFAULTS.backoff,
    onMessage,
    onStatus: deps.onStatus ?? (() => undefined),
    saveCredentials,
    refreshEveryMs: deps.refreshCredentialsEveryMs ?? ZALO_DEFAULTS.refreshCredentialsEveryMs,
    random: deps.random ?? Math.random,
    now,
  });
  const sender = createZaloSender({ api: connection.api, throttle, t, log, maxTextLength: deps.maxTextLength ?? ZALO_MAX_TEXT });

  async function turn(threadId: string, input: Input): Promise<void> {
    let result: TurnResult;
    try {
      result = await deps.handle(input);
    } catch (error) {
      log.error('Zalo turn failed', { address: input.from, error: describeError(error) });
      await sender.sendText(threadId, t(await localeOf(input.from), 'zalo.unavailable'));
      return;
    }
    // The turn's own language: after "/lang en" the numbered-choice hint is English too.
    await sender.sendReplies(threadId, result.messages, result.locale);
  }

  function redirectGroup(groupId: string): void {
    if (!deps.groupRedirect) return;
    const at = nowMs();
    const last = groupNotices.get(groupId);
    if (last !== undefined && at - last < ZALO_DEFAULTS.groupNoticeEveryMs) return;
    for (const [id, when] of groupNotices) if (at - when >= ZALO_DEFAULTS.groupNoticeEveryMs) groupNotices.delete(id);
    groupNotices.set(groupId, at);
    void sender.sendText(groupId, t('vi', 'zalo.group_redirect'), ThreadType.Group);
  }

  function onMessage(message: Message, api: ZaloApi): void {
    try {
      accept(message, api);
    } catch (error) {
      log.error('Zalo could not take an incoming message', { error: describeError(error) });
    }
  }

  function accept(message: Message, api: ZaloApi): void {
    if (stopping) return;
    const inbound = classify(message, api.getOwnId());
    if (inbound.kind === 'self') return;
    if (inbound.kind === 'group') return redirectGroup(inbound.groupId);
    const { threadId, input } = inbound;
    if (recent.seen(inbound.ids)) return log.info('Zalo dropped a redelivered message', { address: input.from });
    queue.run(threadId, () => turn(threadId, input)).catch((error: unknown) => log.error('Zalo turn failed', { address: input.from, error: describeError(error) }));
  }

  return {
    name: 'zalo',
    async start() {
      stopping = undefined;
      await connection.start();
    },
    stop() {
      stopping ??= (async () => {
        connection.halt();
        await queue.drain();
        await throttle.idle();
        await connection.finish();
      })();
      return stopping;
    },
    async send(address, messages) {
      const parsed = parseAddress(address);
      if (parsed?.channel !== 'zalo') throw new Error(`The Zalo channel cannot send to a ${parsed?.channel ?? 'malformed'} address. Use an address "zalo:<threadId>".`);
      const { state } = connection.status();
      if (!connection.api() || state === 'logged_out') {
        return { status: 'failed', error: `Zalo is not connected (status: ${state}).${state === 'logged_out' ? ` ${RELOGIN_FIX}` : ''}` };
      }
      const locale = await localeOf(address);
      const delivered = await queue.run(parsed.id, () => sender.sendReplies(parsed.id, messages, locale));
      return delivered ? { status: 'ok' } : { status: 'failed', error: 'Zalo did not accept the message (see the log)' };
    },
    status: () => connection.status(),
    health: () => zaloHealth(connection.status(), connection.credentialsFailing()),
  };
}
