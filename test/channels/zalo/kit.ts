/** Shared wiring for the Zalo adapter tests: the real channel, FakeZaloApi, real locales, a recording log. */
import type { Handler, Input, Outgoing } from '../../../src/core/message.js';
import { createZaloChannel, type ZaloChannelDeps } from '../../../src/channels/zalo/zalo-channel.js';
import type { ZaloStatus } from '../../../src/channels/zalo/zalo-status.js';
import { createI18n } from '../../../src/i18n.js';
import { FakeZaloApi } from '../../fakes/fake-zalo-api.js';
import { asHandler, type FakeEngine } from '../../support/fake-engine.js';

export const i18n = createI18n();

export type Kit = ReturnType<typeof zaloKit>;

/** A log that keeps its lines (`level: message {fields}`), so tests can pin the important ones. */
export function recordingLog() {
  const lines: string[] = [];
  const push = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    void lines.push(`${level}: ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`);
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}

/** A handler that records inputs and answers with `reply(input)` (default: an echo). */
export function recordingHandler(reply: FakeEngine = echo) {
  const inputs: Input[] = [];
  const handle: Handler = asHandler(async (input) => {
    inputs.push(input);
    return reply(input);
  });
  return { inputs, handle };
}

export function echo(input: Input): Outgoing[] {
  return [{ text: 'text' in input ? `echo: ${input.text}` : `choice: ${input.choice}` }];
}

export function zaloKit(options: Partial<ZaloChannelDeps> & { reply?: FakeEngine } = {}) {
  const fake = new FakeZaloApi();
  const log = recordingLog();
  const handler = recordingHandler(options.reply);
  const statuses: ZaloStatus[] = [];
  const saved: unknown[] = [];
  const channel = createZaloChannel({
    connect: fake.connect,
    handle: handler.handle,
    t: i18n.t,
    log,
    throttle: { minIntervalMs: 0 },
    saveCredentials: async (credentials) => void saved.push(credentials),
    onStatus: (status) => void statuses.push(status),
    random: () => 1,
    ...options,
  });
  return { fake, log, handler, statuses, saved, channel };
}

/** Lets queued promise chains (turns, sends) run; real timers only. */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
