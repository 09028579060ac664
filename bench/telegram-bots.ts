/**
 * The bots of the Telegram pipeline bench, each on its own local Bot API
 * emulator (test/fakes/bot-api-server.ts, HTTP on 127.0.0.1) and fed by long
 * polling through @grammyjs/runner with the same options — the production
 * delivery path:
 * - ours: createTelegramChannel + the real assistant (engine, trained NLU,
 *   locales, per-person rate limit) + SQLite file DB (WAL, group commit)
 *   with the session cache, composed like src/main.ts;
 * - bare: a grammY Bot that echoes each text (the baseline).
 * The peer (a grammY developer's version) is in peer-bot.ts.
 */
import { join } from 'node:path';
import { run } from '@grammyjs/runner';
import { Bot } from 'grammy';
import { createAssistant } from '../src/assistant.js';
import type { Handler } from '../src/core/message.js';
import { ALLOWED_UPDATES, createTelegramChannel } from '../src/channels/telegram/telegram-channel.js';
import { DEFAULT_RATE_LIMIT } from '../src/core/rate-limit.js';
import { trainUnderstanding } from '../src/nlu-corpus.js';
import { createOperations } from '../src/ops/operations.js';
import type { Session } from '../src/core/session.js';
import { loadProgram } from '../src/data.js';
import { DEFAULT_SESSION_CACHE } from '../src/storage/cached-session-store.js';
import { openStore, type Store } from '../src/storage/index.js';
import { startFakeBotApi, type FakeBotApi } from '../test/fakes/bot-api-server.js';
import { benchI18n, fixedClock, quietLogger } from './lib/app-parts.js';
import { tempDir } from './lib/temp-dir.js';

export type PipelineBot = {
  readonly api: FakeBotApi;
  stop(): Promise<void>;
  /** Ours: SQLite transactions committed and the turns they held, so far (group commit). */
  readonly commits?: () => { readonly transactions: number; readonly turns: number };
};

/** Long-poll timeout (s) for every bot: the channel's default. */
const POLL_TIMEOUT = 30;
export const RUNNER_OPTIONS = { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES], timeout: POLL_TIMEOUT }, silent: true } } as const;

/** The assistant as src/main.ts composes it, wrapped by the metrics (createOperations without HTTP). */
function assistant(store: Store<Session>): Handler {
  const ops = createOperations({ http: undefined, store, log: quietLogger(), clock: fixedClock, admins: [] });
  const handle = createAssistant({
    clock: fixedClock,
    program: loadProgram(),
    i18n: benchI18n(),
    // As src/main.ts: the trained understanding (lexicons + classifier) and the per-person limit.
    understand: trainUnderstanding(),
    rateLimit: DEFAULT_RATE_LIMIT,
    sessions: store.sessions,
    records: ops.records,
    log: quietLogger(),
    retentionDays: 730,
    defaultLocale: 'vi',
  });
  return ops.observe(handle, benchI18n());
}

export async function startOurBot(): Promise<PipelineBot> {
  const api = await startFakeBotApi();
  const commits = { transactions: 0, turns: 0 };
  const onBatch = (size: number): void => {
    commits.transactions += 1;
    commits.turns += size;
  };
  const store = openStore<Session>(join(tempDir('telegram'), 'bot.sqlite'), { cache: DEFAULT_SESSION_CACHE, clock: fixedClock, groupCommit: { onBatch } });
  const channel = createTelegramChannel({
    token: api.token,
    apiRoot: api.apiRoot,
    botInfo: api.botInfo,
    handle: assistant(store),
    t: benchI18n().t,
    log: quietLogger(),
    pollTimeoutSeconds: POLL_TIMEOUT,
  });
  await channel.start();
  return {
    commits: () => ({ ...commits }),
    api,
    async stop() {
      await channel.stop();
      store.close();
      await api.close();
    },
  };
}

export async function startBareBot(): Promise<PipelineBot> {
  const api = await startFakeBotApi();
  const bot = new Bot(api.token, { botInfo: api.botInfo, client: { apiRoot: api.apiRoot } });
  bot.on('message:text', (ctx) => ctx.reply(ctx.msg.text));
  const runner = run(bot, RUNNER_OPTIONS);
  return {
    api,
    async stop() {
      if (runner.isRunning()) await runner.stop();
      await api.close();
    },
  };
}
