/**
 * Closed-loop load at a fixed number of concurrent chats (issue #21): each
 * active chat sends its next message only when the reply to the previous one
 * reached the emulator; a chat that finished its 16-message script makes room
 * for a new one. Every update gets exactly one reply from each bot (checked),
 * so an update's latency is from its push to the next sendMessage to its chat.
 * Chat ids are new every run (fresh sessions and rate-limit windows).
 */
import { performance } from 'node:perf_hooks';
import { SCRIPTS } from './telegram-workload.js';
import type { PipelineBot } from './telegram-bots.js';

export type LoadRun = { readonly updatesPerSecond: number; readonly p50Ms: number; readonly p99Ms: number };

export type LoadDriver = {
  /** One run of `chats` scripted chats, `concurrency` of them at a time. */
  run(concurrency: number, chats: number): Promise<LoadRun>;
};

const FIRST_CHAT = 5_000_000;
const CHATS_PER_RUN = 10_000;
const TIMEOUT_MS = 120_000;

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

type Active = { readonly script: readonly string[]; turn: number; sentAt: number };

export function createLoadDriver(bot: PipelineBot): LoadDriver {
  let round = 0;
  let seen = 0;
  let pushed = 0;
  let answered = 0;

  return {
    async run(concurrency, chats) {
      for (; seen < bot.api.calls.length; seen++) if (bot.api.calls[seen]?.method === 'sendMessage') answered += 1;
      if (answered !== pushed) {
        throw new Error(`Telegram load: ${answered} replies to ${pushed} updates; every update must get exactly one reply.`);
      }
      const base = FIRST_CHAT + round * CHATS_PER_RUN;
      round += 1;
      const active = new Map<number, Active>();
      const latencies: number[] = [];
      let next = 0;
      let busy = false;

      const send = (chatId: number, chat: Active): void => {
        chat.sentAt = performance.now();
        pushed += 1;
        bot.api.pushText({ id: chatId, language_code: 'vi' }, chat.script[chat.turn] ?? '');
      };
      const open = (): void => {
        const chatId = base + next;
        const chat: Active = { script: SCRIPTS[next % SCRIPTS.length] ?? [], turn: 0, sentAt: 0 };
        next += 1;
        active.set(chatId, chat);
        send(chatId, chat);
      };
      const onReply = (chatId: number, now: number): void => {
        const chat = active.get(chatId);
        if (chat === undefined) return;
        latencies.push(now - chat.sentAt);
        chat.turn += 1;
        if (chat.turn < chat.script.length) return send(chatId, chat);
        active.delete(chatId);
        if (next < chats) open();
      };
      // Runs on every emulator event; pushing from here re-enters it, hence `busy`.
      const probe = (): true | undefined => {
        if (busy) return undefined;
        busy = true;
        try {
          const now = performance.now();
          const calls = bot.api.calls;
          for (; seen < calls.length; seen++) {
            const call = calls[seen];
            if (call?.method !== 'sendMessage') continue;
            answered += 1;
            onReply(Number(call.params['chat_id']), now);
          }
        } finally {
          busy = false;
        }
        return next >= chats && active.size === 0 ? true : undefined;
      };

      const start = performance.now();
      busy = true;
      while (next < Math.min(concurrency, chats)) open();
      busy = false;
      await bot.api.waitUntil(probe, `${chats} chats at ${concurrency} concurrent`, TIMEOUT_MS);
      const seconds = (performance.now() - start) / 1000;
      latencies.sort((a, b) => a - b);
      return { updatesPerSecond: latencies.length / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
    },
  };
}
