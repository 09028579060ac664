/**
 * The Zalo Official Account channel: events arrive on `POST /zalo-oa/webhook`
 * of the operations HTTP server (signature checked, 200 at once), replies go
 * through the OA Open API with tokens kept fresh in the database. Per person:
 * de-duplicated by msg_id, handled in order (the runner limits the rate). Each person's last
 * message time is stored, so proactive messages (follow-ups, broadcasts,
 * relayed staff answers) go only within Zalo's 48-hour window; the others are
 * counted and reported as permanent failures, never retried. Addresses
 * `zalo-oa:<user id>`.
 */
import { parseAddress, type Address, type Handler, type Input, type Locale, type Outgoing } from '../../core/message.js';
import type { Channel, ChannelHealth, MaybePromise, SendOutcome } from '../../core/ports.js';
import type { Logger } from '../../core/runner.js';
import { OA_FREE_WINDOW_MS, type ZaloOaStore } from '../../core/zalo-oa.js';
import type { HttpServer } from '../../http/http-server.js';
import type { Translate } from '../../i18n.js';
import { createRecentIds } from '../shared/recent-ids.js';
import { createSendThrottle } from '../shared/send-throttle.js';
import { createSerializer } from '../../core/serializer.js';
import { toOaInbound, type OaEvent } from './events.js';
import type { OaApi } from './oa-api.js';
import { createOaSender } from './outbound.js';
import type { TokenKeeper } from './token-keeper.js';
import { createOaWebhookRoute, ZALO_OA_WEBHOOK_PATH } from './webhook.js';

export const ZALO_OA_DEFAULTS = {
  throttle: { minIntervalMs: 100 },
  dedupe: { max: 10_000, ttlMs: 60 * 60_000 },
  tokenCheckEveryMs: 10 * 60_000,
  windowMs: OA_FREE_WINDOW_MS,
} as const;

export type ZaloOaChannelDeps = {
  readonly appId: string;
  readonly oaSecretKey: string;
  readonly http: Pick<HttpServer, 'route'>;
  readonly store: ZaloOaStore;
  readonly keeper: TokenKeeper;
  readonly api: OaApi;
  readonly handle: Handler;
  readonly t: Translate;
  readonly log: Logger;
  /** The person's language for sends outside a turn (a turn says its own); default 'vi'. */
  readonly locale?: (address: Address) => Locale | Promise<Locale>;
  readonly now?: () => Date;
  readonly throttle?: { readonly minIntervalMs: number };
  readonly sleep?: (ms: number) => Promise<void>;
};

export type ZaloOaChannel = Channel & {
  health(): ChannelHealth;
  /** Proactive messages not sent because the person was outside Zalo's window (since start). */
  counters(): { outsideWindow: number };
};

export function createZaloOaChannel(deps: ZaloOaChannelDeps): ZaloOaChannel {
  const { log, t, store, keeper } = deps;
  const now = deps.now ?? (() => new Date());
  const nowMs = (): number => now().getTime();
  const throttle = createSendThrottle({ ...(deps.throttle ?? ZALO_OA_DEFAULTS.throttle), now: nowMs });
  const recent = createRecentIds({ ...ZALO_OA_DEFAULTS.dedupe, now: nowMs });
  const queue = createSerializer();
  const sender = createOaSender({ api: deps.api, keeper, throttle, t, log, ...(deps.sleep ? { sleep: deps.sleep } : {}) });
  /** The choice ids last shown to each person: a tapped button's payload comes back as that text. */
  const offered = new Map<string, ReadonlySet<string>>();
  let outsideWindow = 0;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;

  const localeOf = async (address: Address): Promise<Locale> => {
    try {
      return deps.locale ? await deps.locale(address) : 'vi';
    } catch {
      return 'vi';
    }
  };
  const remember = (userId: string, replies: readonly Outgoing[]): void => {
    const ids = replies.flatMap((r) => (r.choices ?? []).map((c) => c.id));
    offered.delete(userId);
    if (ids.length > 0) offered.set(userId, new Set(ids));
    if (offered.size > 10_000) offered.delete(offered.keys().next().value ?? '');
  };
  const countOutside = (address: Address, why: string): void => {
    outsideWindow += 1;
    log.info('zalo-oa: message not sent: outside the person\'s Zalo window', { address, why, outsideWindow });
  };

  async function turn(userId: string, input: Input): Promise<void> {
    let replies: Outgoing[];
    let locale: Locale;
    try {
      ({ messages: replies, locale } = await deps.handle(input));
    } catch (error) {
      log.error('zalo-oa: turn failed', { address: input.from, error: error instanceof Error ? error.message : String(error) });
      locale = await localeOf(input.from);
      replies = [{ text: t(locale, 'zalo.unavailable') }];
    }
    remember(userId, replies);
    const result = await sender.deliver(userId, replies, locale);
    if (result.outsideWindow) countOutside(input.from, 'reply refused by Zalo');
  }

  async function touch(address: Address): Promise<void> {
    try {
      await (store.touch(address, now()) as MaybePromise<void>);
    } catch (error) {
      log.warn('zalo-oa: could not store the last message time', { address, error: String(error) });
    }
  }

  function onEvent(event: OaEvent): void {
    if (stopping) return;
    try {
      const inbound = toOaInbound(event, (userId) => offered.get(userId));
      if (inbound.kind === 'ignore') return;
      if (inbound.kind === 'follow') {
        const from: Address = `zalo-oa:${inbound.userId}`;
        if (recent.seen(inbound.ids)) return;
        void queue.run(inbound.userId, async () => {
          await touch(from);
          await turn(inbound.userId, { from, text: '/start' });
        }).catch((error: unknown) => log.error('zalo-oa: welcome failed', { address: from, error: String(error) }));
        return;
      }
      const { userId, input } = inbound;
      if (recent.seen(inbound.ids)) return log.info('zalo-oa: dropped an event delivered twice', { address: input.from });
      const task = async (): Promise<void> => {
        await touch(input.from);
        await turn(userId, input);
      };
      queue.run(userId, task).catch((error: unknown) => log.error('zalo-oa: turn failed', { address: input.from, error: String(error) }));
    } catch (error) {
      log.error('zalo-oa: could not take an event', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  const checkToken = (): void => {
    keeper.accessToken().catch(() => undefined); // refreshes ahead of expiry; health() tells the outcome
  };

  /** Outside the 48-hour window (or refused by Zalo as such) is `blocked`: retrying cannot help. */
  async function send(address: Address, messages: readonly Outgoing[]): Promise<SendOutcome> {
    const parsed = parseAddress(address);
    if (parsed?.channel !== 'zalo-oa') throw new Error(`The Zalo OA channel cannot send to "${address}". Use an address "zalo-oa:<user id>".`);
    const last = await (store.lastInbound(address, now()) as MaybePromise<Date | undefined>);
    if (last === undefined || nowMs() - last.getTime() > ZALO_OA_DEFAULTS.windowMs) {
      countOutside(address, last === undefined ? 'no message from them in 7 days' : 'last message over 48 hours ago');
      return { status: 'blocked' };
    }
    const locale = await localeOf(address);
    const result = await queue.run(parsed.id, () => sender.deliver(parsed.id, messages, locale));
    if (result.outsideWindow) {
      countOutside(address, 'refused by Zalo');
      return { status: 'blocked' };
    }
    return result.failed > 0 ? { status: 'failed', error: result.error ?? 'failed' } : { status: 'ok' };
  }

  return {
    name: 'zalo-oa',
    async start() {
      stopping = false;
      deps.http.route('POST', ZALO_OA_WEBHOOK_PATH, createOaWebhookRoute({ appId: deps.appId, oaSecretKey: deps.oaSecretKey, onEvent, log }));
      try {
        await keeper.accessToken();
      } catch (error) {
        log.warn('zalo-oa: no usable token yet; webhook events will be read but not answered', { error: error instanceof Error ? error.message : String(error) });
      }
      timer = setInterval(checkToken, ZALO_OA_DEFAULTS.tokenCheckEveryMs);
      timer.unref();
    },
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      await queue.drain();
      await throttle.idle();
    },
    send,
    health: () => keeper.health(),
    counters: () => ({ outsideWindow }),
  };
}
