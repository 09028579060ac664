/**
 * Builds the Handler every channel calls from already-opened parts. Used by
 * src/main.ts (the composition root), the CLI and the test harness, so they
 * all run the same engine on the same storage.
 */
import type { Clock } from './core/calendar.js';
import type { Handler, Locale } from './core/message.js';
import type { Understand } from './core/nlu/types.js';
import type { RecordStore, SessionStore } from './core/ports.js';
import type { ProgramData } from './core/program.js';
import { createRunner, type Logger } from './core/runner.js';
import type { Session } from './core/session.js';
import type { Config } from './config.js';
import { understand } from './core/nlu/index.js';
import { loadProgram } from './data.js';
import { createI18n, type I18n } from './i18n.js';

export type AssistantDeps = {
  readonly clock: Clock;
  readonly program: ProgramData;
  readonly i18n: I18n;
  readonly understand: Understand;
  readonly sessions: SessionStore<Session>;
  readonly records: RecordStore;
  readonly log: Logger;
  readonly retentionDays: number;
  readonly defaultLocale: Locale;
};

export function createAssistant(deps: AssistantDeps): Handler {
  return createRunner({
    sessions: deps.sessions,
    records: deps.records,
    log: deps.log,
    render: deps.i18n.render,
    engine: {
      clock: deps.clock,
      data: deps.program,
      understand: deps.understand,
      label: (label, locale) => deps.i18n.t(locale, label.key, label.params),
      retentionDays: deps.retentionDays,
      defaultLocale: deps.defaultLocale,
    },
  });
}

/** The assistant as configured by the environment: program data, locales and the NLU loaded from the repo. */
export function createConfiguredAssistant(
  config: Pick<Config, 'RETENTION_DAYS' | 'DEFAULT_LOCALE'>,
  parts: Pick<AssistantDeps, 'clock' | 'sessions' | 'records' | 'log'>,
): { handle: Handler; program: ProgramData; i18n: I18n } {
  const program = loadProgram();
  const i18n = createI18n();
  const handle = createAssistant({
    ...parts,
    program,
    i18n,
    understand,
    retentionDays: config.RETENTION_DAYS,
    defaultLocale: config.DEFAULT_LOCALE,
  });
  return { handle, program, i18n };
}
