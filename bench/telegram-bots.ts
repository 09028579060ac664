/**
 * The bots of the Telegram pipeline bench, each on its own local Bot API
 * emulator (test/fakes/bot-api-server.ts, HTTP on 127.0.0.1) and fed by long
 * polling through @grammyjs/runner with the same options — the production
 * delivery path:
 * - ours: createTelegramChannel + the real assistant (engine, NLU, locales)
 *   + SQLite file DB (WAL) with the session cache, composed like src/main.ts;
 * - bare: a grammY Bot that echoes each text (the baseline);
 * - replay: a grammY Bot that sends, through the channel's own sendOutgoing,
 *   the replies ours gives — precomputed, so no engine, storage or channel
 *   middleware. It splits ours/bare into "more replies" and "our work".
 */
import { join } from 'node:path';
import { run } from '@grammyjs/runner';
import { Bot } from 'grammy';
import { createAssistant } from '../src/assistant.js';
import { sendOutgoing } from '../src/channels/telegram/send-outgoing.js';
import { ALLOWED_UPDATES, createTelegramChannel } from '../src/channels/telegram/telegram-channel.js';
import type { Handler, Outgoing } from '../src/core/message.js';
import { understand } from '../src/core/nlu/index.js';
import type { Session } from '../src/core/session.js';
import { loadProgram } from '../src/data.js';
import { DEFAULT_SESSION_CACHE } from '../src/storage/cached-session-store.js';
import { openStore, type Store } from '../src/storage/index.js';
import { startFakeBotApi, type FakeBotApi } from '../test/fakes/bot-api-server.js';
import { benchI18n, fixedClock, quietLogger } from './lib/app-parts.js';
import { tempDir } from './lib/temp-dir.js';

export type PipelineBot = { readonly api: FakeBotApi; stop(): Promise<void> };

/** Long-poll timeout (s) for every bot: the channel's default. */
const POLL_TIMEOUT = 30;
const RUNNER_OPTIONS = { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES], timeout: POLL_TIMEOUT }, silent: true } } as const;

function assistant(store: Store<Session>): Handler {
  return createAssistant({
    clock: fixedClock,
    program: loadProgram(),
    i18n: benchI18n(),
    understand,
    sessions: store.sessions,
    records: store.records,
    log: quietLogger(),
    retentionDays: 730,
    defaultLocale: 'vi',
  });
}

export async function startOurBot(): Promise<PipelineBot> {
  const api = await startFakeBotApi();
  const store = openStore<Session>(join(tempDir('telegram'), 'bot.sqlite'), { cache: DEFAULT_SESSION_CACHE, clock: fixedClock });
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

/** What the assistant answers to each message of each script, from new sessions (in-memory SQLite). */
export async function precomputeReplies(scripts: readonly (readonly string[])[]): Promise<Outgoing[][][]> {
  const store = openStore<Session>(':memory:', { clock: fixedClock });
  const handle = assistant(store);
  const replies: Outgoing[][][] = [];
  for (const [chat, script] of scripts.entries()) {
    const turns: Outgoing[][] = [];
    for (const text of script) turns.push((await handle({ from: `telegram:${chat}`, text, meta: { languageCode: 'vi' } })).messages);
    replies.push(turns);
  }
  store.close();
  return replies;
}

/** `scriptOf(chatId)` says which script a chat runs; the replay bot answers its n-th message with reply n. */
export async function startReplayBot(replies: Outgoing[][][], scriptOf: (chatId: number) => number): Promise<PipelineBot> {
  const api = await startFakeBotApi();
  const bot = new Bot(api.token, { botInfo: api.botInfo, client: { apiRoot: api.apiRoot } });
  const turns = new Map<number, number>();
  bot.on('message:text', (ctx) => {
    const turn = turns.get(ctx.chat.id) ?? 0;
    turns.set(ctx.chat.id, turn + 1);
    return sendOutgoing(ctx.api, ctx.chat.id, replies[scriptOf(ctx.chat.id)]?.[turn] ?? []);
  });
  const runner = run(bot, RUNNER_OPTIONS);
  return {
    api,
    async stop() {
      if (runner.isRunning()) await runner.stop();
      await api.close();
    },
  };
}
