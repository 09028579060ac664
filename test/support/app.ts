/**
 * The real assistant for tests: real engine, real locales, real NLU, real
 * SQLite (`:memory:` unless a file is given) and a fixed clock.
 */
import { createAssistant } from '../../src/assistant.js';
import type { Handler, Locale } from '../../src/core/message.js';
import { understand } from '../../src/core/nlu/index.js';
import type { Session } from '../../src/core/session.js';
import { loadProgram } from '../../src/data.js';
import { createI18n, type I18n } from '../../src/i18n.js';
import { createLogger } from '../../src/log.js';
import { openStore, type Store } from '../../src/storage/index.js';
import { fixedClock } from '../fakes/clock.js';

export type TestApp = {
  readonly handle: Handler;
  readonly store: Store<Session>;
  readonly clock: ReturnType<typeof fixedClock>;
  readonly i18n: I18n;
  readonly logs: string[];
  close(): void;
};

export const TEST_NOW = '2026-11-23T09:00:00+07:00';

let sharedI18n: I18n | undefined;

export function createTestApp(options: { now?: string; file?: string; defaultLocale?: Locale; retentionDays?: number } = {}): TestApp {
  const clock = fixedClock(options.now ?? TEST_NOW);
  const store = openStore<Session>(options.file ?? ':memory:', { clock });
  const logs: string[] = [];
  sharedI18n ??= createI18n();
  const handle = createAssistant({
    clock,
    program: loadProgram(),
    i18n: sharedI18n,
    understand,
    sessions: store.sessions,
    records: store.records,
    log: createLogger({ level: 'debug', salt: 'test-salt-0123456789', write: (line) => logs.push(line) }),
    retentionDays: options.retentionDays ?? 730,
    defaultLocale: options.defaultLocale ?? 'vi',
  });
  return { handle, store, clock, i18n: sharedI18n, logs, close: () => store.close() };
}
