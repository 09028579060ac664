/** Wiring for the Zalo OA tests: the real app and channel, the operations HTTP server on 127.0.0.1, FakeZaloOa. */
import { afterEach, expect, vi } from 'vitest';
import type { Address } from '../../../src/core/message.js';
import { createOaApi } from '../../../src/channels/zalo-oa/oa-api.js';
import { requestTokens } from '../../../src/channels/zalo-oa/oauth.js';
import { createTokenKeeper } from '../../../src/channels/zalo-oa/token-keeper.js';
import { createZaloOaChannel, type ZaloOaChannelDeps } from '../../../src/channels/zalo-oa/zalo-oa-channel.js';
import { createHttpServer } from '../../../src/http/http-server.js';
import { runHere } from '../../../src/storage/coordination.js';
import { createTestApp, type TestAppOptions } from '../../support/app.js';
import { FakeZaloOa } from '../../fakes/zalo-oa-server.js';
import { i18n, recordingLog, settle } from '../zalo/kit.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export async function oaApp(options: { tokens?: boolean; channel?: Partial<ZaloOaChannelDeps>; app?: TestAppOptions } = {}) {
  const app = createTestApp({ now: '2026-11-23T09:00:00+07:00', ...options.app });
  cleanups.push(() => app.close());
  const http = createHttpServer({ port: 0, host: '127.0.0.1' });
  const port = await http.listen();
  cleanups.push(() => http.close());
  const fake = await new FakeZaloOa().start();
  cleanups.push(() => fake.close());
  fake.webhookUrl = `http://127.0.0.1:${port}/zalo-oa/webhook`;
  const now = (): Date => app.clock.now();
  if (options.tokens !== false) {
    const at = now().getTime();
    await app.store.zaloOa.saveTokens(
      { accessToken: fake.accessToken, refreshToken: fake.refreshToken, expiresAt: new Date(at + 25 * 3_600_000).toISOString(), refreshExpiresAt: new Date(at + 90 * 86_400_000).toISOString() },
      now(),
    );
  }
  const log = recordingLog();
  const oauth = { oauthRoot: fake.root, appId: fake.appId, appSecret: fake.appSecret };
  const keeper = createTokenKeeper({
    store: app.store.zaloOa,
    refresh: (refreshToken) => requestTokens(oauth, { type: 'refresh_token', refreshToken }, now),
    once: runHere,
    now,
    log,
    sleep: async () => undefined,
  });
  const channel = createZaloOaChannel({
    appId: fake.appId,
    oaSecretKey: fake.oaSecretKey,
    http,
    store: app.store.zaloOa,
    keeper,
    api: createOaApi(fake.root),
    handle: app.handle,
    t: i18n.t,
    log,
    now,
    throttle: { minIntervalMs: 0 },
    sleep: async () => undefined,
    ...options.channel,
  });
  cleanups.push(() => channel.stop());
  /** `userId` writes `text`; resolves with what the OA answered (texts, buttons as "[title]"). */
  const say = async (userId: string, text: string): Promise<string> => {
    const before = fake.sent.filter((s) => s.userId === userId).length;
    fake.userText(userId, text);
    await vi.waitFor(() => expect(fake.sent.filter((s) => s.userId === userId).length).toBeGreaterThan(before), { timeout: 5_000 });
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 30));
    return shown(fake, userId, before);
  };
  const address = (userId: string): Address => `zalo-oa:${userId}`;
  return { app, fake, channel, log, keeper, say, address, now };
}

export function shown(fake: FakeZaloOa, userId: string, from = 0): string {
  return fake.sent
    .filter((s) => s.userId === userId)
    .slice(from)
    .map((s) => [s.text, ...(s.buttons ?? []).map((b) => `[${b.title}]`)].join('\n'))
    .join('\n---\n');
}
