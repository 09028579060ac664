/**
 * The real app's parts, composed as src/main.ts does (engine + NLU + locales
 * + program data), with a fixed clock so every run does the same work.
 */
import { understand } from '../../src/nlu-corpus.js';
import type { Clock } from '../../src/core/calendar.js';
import type { EngineDeps } from '../../src/core/engine.js';
import type { Understand } from '../../src/core/nlu/types.js';
import { loadProgram } from '../../src/data.js';
import { createI18n, type I18n } from '../../src/i18n.js';
import { createLogger, type AppLogger } from '../../src/log.js';

export const BENCH_NOW = '2026-11-23T09:00:00+07:00';

export const fixedClock: Clock = { now: () => new Date(BENCH_NOW) };

let i18n: I18n | undefined;

export function benchI18n(): I18n {
  i18n ??= createI18n();
  return i18n;
}

export function engineDeps(nlu: Understand = understand): EngineDeps {
  const t = benchI18n().t;
  return {
    clock: fixedClock,
    data: loadProgram(),
    understand: nlu,
    label: (label, locale) => t(locale, label.key, label.params),
    retentionDays: 730,
    defaultLocale: 'vi',
  };
}

/** Warnings and errors still reach stderr, so a broken bench run is visible. */
export function quietLogger(): AppLogger {
  return createLogger({ level: 'warn', salt: 'bench-salt-0123456789' });
}
