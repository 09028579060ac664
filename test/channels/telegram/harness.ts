/**
 * Test harness: the real Telegram channel (real grammY, runner, auto-retry,
 * rate limiter) against FakeBotApi on 127.0.0.1, with real locales and a
 * recording log. Not a test file itself.
 */
import { createTelegramChannel, type TelegramChannel } from '../../../src/channels/telegram/telegram-channel.js';
import type { LogFields, TelegramChannelDeps, TelegramLog } from '../../../src/channels/telegram/types.js';
import type { Input, Outgoing } from '../../../src/core/message.js';
import { createI18n, type I18n } from '../../../src/i18n.js';
import { startFakeBotApi, type FakeBotApi } from '../../fakes/bot-api-server.js';
import { asHandler, type FakeEngine } from '../../support/fake-engine.js';

export type LogEntry = { level: 'info' | 'warn' | 'error'; message: string; fields?: LogFields };
export type RecordingLog = TelegramLog & { entries: LogEntry[] };

export function recordingLog(): RecordingLog {
  const entries: LogEntry[] = [];
  const at = (level: LogEntry['level']) => (message: string, fields?: LogFields) => {
    entries.push({ level, message, ...(fields ? { fields } : {}) });
  };
  return { entries, info: at('info'), warn: at('warn'), error: at('error') };
}

export type Harness = {
  fake: FakeBotApi;
  channel: TelegramChannel;
  log: RecordingLog;
  i18n: I18n;
  stop(): Promise<void>;
};

let i18n: I18n | undefined;
export function sharedI18n(): I18n {
  i18n ??= createI18n();
  return i18n;
}

export async function startHarness(
  engine: FakeEngine,
  options: Partial<Omit<TelegramChannelDeps, 'handle'>> & { start?: boolean } = {},
): Promise<Harness> {
  const fake = await startFakeBotApi();
  const log = recordingLog();
  const { start = true, ...deps } = options;
  const channel = createTelegramChannel({
    token: fake.token,
    apiRoot: fake.apiRoot,
    botInfo: fake.botInfo,
    t: sharedI18n().t,
    log,
    autoRetry: { maxRetryAttempts: 2, maxDelaySeconds: 2 },
    drainTimeoutMs: 3000,
    ...deps,
    handle: asHandler(engine),
  });
  if (start) await channel.start();
  return {
    fake,
    channel,
    log,
    i18n: sharedI18n(),
    async stop() {
      await channel.stop();
      await fake.close();
    },
  };
}

/**
 * A scripted stand-in for the engine: a few fixed phrases, echo otherwise.
 * It records every Input it receives.
 */
export function scriptedEngine(): { handle: FakeEngine; inputs: Input[] } {
  const inputs: Input[] = [];
  const handle: FakeEngine = async (input): Promise<Outgoing[]> => {
    inputs.push(input);
    if ('choice' in input) return [{ text: `Bạn chọn ${input.choice}` }];
    if (input.meta?.media) return [{ text: `media:${input.meta.media}` }];
    switch (input.text) {
      case 'menu':
        return [{ text: 'Bạn muốn kiểm tra gì?', choices: [{ id: 'idvn', label: 'id.vn' }, { id: 'bizvn', label: 'biz.vn' }] }];
      case 'boom':
        throw new Error('engine exploded');
      default:
        return [{ text: `echo: ${input.text}` }];
    }
  };
  return { handle, inputs };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
