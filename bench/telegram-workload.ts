/**
 * The Telegram pipeline workload: 125 private chats × 16 text messages =
 * 2,000 updates, pushed interleaved (every chat's 1st message, then every
 * chat's 2nd…) into a bot's emulator. A run is timed from the push until the
 * last reply reached the emulator.
 */
import { performance } from 'node:perf_hooks';
import { telegramChatScript } from './fixtures/idvn-scripts.js';
import type { PipelineBot } from './telegram-bots.js';

export const CHATS = 125;
export const SCRIPTS: readonly (readonly string[])[] = Array.from({ length: CHATS }, (_, c) => telegramChatScript(c));
export const UPDATES = SCRIPTS.reduce((sum, s) => sum + s.length, 0);

const FIRST_CHAT = 1_000_000;
const CHATS_PER_ROUND = 10_000;

/** Which script a chat id runs (chat ids are new every round). */
export const scriptOf = (chatId: number): number => (chatId - FIRST_CHAT) % CHATS_PER_ROUND;

export type Driver = {
  /** Pushes the workload once; resolves to updates per second. */
  runOnce(): Promise<number>;
  /** sendMessage calls one run causes (known after the first run). */
  readonly repliesPerRun: () => number | undefined;
};

/** Counts sendMessage calls incrementally (the emulator's call log only grows). */
function sendCounter(bot: PipelineBot): () => number {
  let seen = 0;
  let sends = 0;
  return () => {
    const calls = bot.api.calls;
    for (; seen < calls.length; seen++) if (calls[seen]?.method === 'sendMessage') sends += 1;
    return sends;
  };
}

/**
 * Each run uses new chats (fresh sessions, fresh rate-limit windows), so every
 * run does the same work. The first run learns how many replies the workload
 * gives (it waits until the bot falls quiet); later runs wait for exactly that
 * many and throw if a run ever sent a different number.
 */
export function createDriver(bot: PipelineBot): Driver {
  const sends = sendCounter(bot);
  let round = 0;
  let expected: number | undefined;

  const push = (): void => {
    const base = FIRST_CHAT + round * CHATS_PER_ROUND;
    round += 1;
    const longest = Math.max(...SCRIPTS.map((s) => s.length));
    for (let turn = 0; turn < longest; turn++) {
      SCRIPTS.forEach((script, chat) => {
        const text = script[turn];
        if (text !== undefined) bot.api.pushText({ id: base + chat, language_code: 'vi' }, text);
      });
    }
  };

  const quiet = async (before: number): Promise<number> => {
    let last = -1;
    while (sends() !== last || sends() === before) {
      last = sends();
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return last - before;
  };

  return {
    repliesPerRun: () => expected,
    async runOnce() {
      const before = sends();
      if (expected !== undefined && before !== expected * round) {
        throw new Error(`Telegram bench: ${before} replies after ${round} runs, expected ${expected} per run; the workload is not deterministic.`);
      }
      const start = performance.now();
      push();
      if (expected === undefined) {
        expected = await quiet(before);
        return UPDATES / ((performance.now() - start) / 1000);
      }
      const target = before + expected;
      await bot.api.waitUntil(() => (sends() >= target ? true : undefined), `${expected} replies`, 120_000);
      return UPDATES / ((performance.now() - start) / 1000);
    },
  };
}
