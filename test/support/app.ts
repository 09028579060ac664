/**
 * The real assistant for tests: real engine, real locales, real NLU, real
 * SQLite (`:memory:` unless a file is given) and a fixed clock;
 * `createPgTestApp` gives the same over PostgreSQL.
 */
import { afterEach } from 'vitest';
import { createAssistant } from '../../src/assistant.js';
import type { Address, Handler, Input, Locale, Outgoing } from '../../src/core/message.js';
import type { DomainAvailability } from '../../src/core/outreach.js';
import { understand } from '../../src/nlu-corpus.js';
import type { Session } from '../../src/core/session.js';
import { loadProgram } from '../../src/data.js';
import { createI18n, type I18n } from '../../src/i18n.js';
import { createLogger } from '../../src/log.js';
import { openStore, type OpenStoreOptions, type Store } from '../../src/storage/index.js';
import { fixedClock } from '../fakes/clock.js';
import type { StaffServices } from '../../src/core/staff.js';
import { loadLocalities, type Localities } from '../../src/localities.js';
import { composeStaffServices } from '../../src/staff-services.js';
import type { AppStore } from '../../src/storage/app-store.js';
import { openPostgresStore, type PgStore } from '../../src/storage/postgres/index.js';
import type { TurnLock } from '../../src/core/runner.js';
import { FakeDomainAvailability } from '../fakes/fake-domain-availability.js';
import type { Deliver } from '../../src/core/handoff.js';
import type { ProgramData } from '../../src/core/program.js';
import { isTestUserIn } from '../../src/core/test-traffic.js';
import type { RateLimitOptions } from '../../src/core/rate-limit.js';

export type TestApp = {
  readonly handle: Handler;
  /** One turn's rendered replies (`handle(input)` without the locale). */
  readonly replies: (input: Input) => Promise<Outgoing[]>;
  readonly store: Store<Session>;
  readonly clock: ReturnType<typeof fixedClock>;
  readonly i18n: I18n;
  readonly logs: string[];
  /** The staff side (issue #7) on the same database: seed referrers with staff.store.addReferrer. */
  readonly staff: StaffServices;
  close(): void;
};

export const TEST_NOW = '2026-11-23T09:00:00+07:00';

let sharedI18n: I18n | undefined;
let sharedLocalities: Localities | undefined;

export type TestAppOptions = {
  now?: string;
  file?: string;
  defaultLocale?: Locale;
  retentionDays?: number;
  /** Domain availability; default: a FakeDomainAvailability where every name is free. */
  availability?: DomainAvailability;
  /** Addresses that are admins (ADMINS). */
  admins?: readonly Address[];
  /** Program data instead of data/program.json (e.g. with a handoff staff chat set). */
  program?: ProgramData;
  /** TEST_USERS: conversations kept out of every count. */
  testUsers?: readonly Address[];
  /** Proactive sends for handoff relays; default: none (questions are not forwarded). */
  deliver?: Deliver;
  /** The runner's per-address limit (main.ts passes DEFAULT_RATE_LIMIT); default: none. */
  rateLimit?: RateLimitOptions;
  /** Group commit options (issue #21); on by default as in the bot. */
  groupCommit?: OpenStoreOptions['groupCommit'];
};

export function createTestApp(options: TestAppOptions = {}): TestApp {
  const clock = fixedClock(options.now ?? TEST_NOW);
  const store = openStore<Session>(options.file ?? ':memory:', { clock, ...(options.groupCommit === undefined ? {} : { groupCommit: options.groupCommit }) });
  const parts = assemble(store, clock, options);
  return { ...parts, store, close: () => store.close() };
}

/** The same app over PostgreSQL (a fresh schema of the suite's server), with the cross-replica turn lock. */
export type PgTestApp = Omit<TestApp, 'store' | 'close'> & { readonly store: PgStore<Session>; close(): Promise<void> };

export async function createPgTestApp(url: string, options: Omit<TestAppOptions, 'file'> = {}): Promise<PgTestApp> {
  const clock = fixedClock(options.now ?? TEST_NOW);
  const store = await openPostgresStore<Session>(url, { clock });
  const parts = assemble(store, clock, options, store.coordination.withTurnLock);
  return { ...parts, store, close: () => store.close() };
}

function assemble(store: AppStore<Session>, clock: ReturnType<typeof fixedClock>, options: TestAppOptions, turnLock?: TurnLock) {
  const logs: string[] = [];
  sharedI18n ??= createI18n();
  sharedLocalities ??= loadLocalities();
  const staff = composeStaffServices(
    { store: store.staff(), reports: store.reports },
    { localities: sharedLocalities, inviteDays: 7, clock, botUsername: 'TenMienVnBot' },
  );
  const handle = createAssistant({
    clock,
    program: options.program ?? loadProgram(),
    i18n: sharedI18n,
    understand,
    sessions: store.sessions,
    records: store.records,
    log: createLogger({ level: 'debug', salt: 'test-salt-0123456789', write: (line) => logs.push(line) }),
    retentionDays: options.retentionDays ?? 730,
    defaultLocale: options.defaultLocale ?? 'vi',
    followups: store.followups,
    availability: options.availability ?? new FakeDomainAvailability(),
    isAdmin: (address) => options.admins?.includes(address) === true,
    staff,
    localities: sharedLocalities.index,
    handoffs: store.handoffs,
    outbox: store.coordination.outbox,
    ...(options.deliver === undefined ? {} : { deliver: options.deliver }),
    ...(options.testUsers === undefined ? {} : { isTestUser: isTestUserIn(options.testUsers) }),
    ...(turnLock === undefined ? {} : { turnLock }),
    ...(options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit }),
  });
  const replies = async (input: Input): Promise<Outgoing[]> => (await handle(input)).messages;
  return { handle, replies, clock, i18n: sharedI18n, logs, staff };
}

/**
 * For test files that open several apps: `start(options)` opens one and
 * remembers it; every app opened in a test is closed after it.
 */
export function openedApps(): { start(options?: Parameters<typeof createTestApp>[0]): TestApp } {
  const opened: TestApp[] = [];
  afterEach(() => {
    for (const each of opened.splice(0)) each.close();
  });
  return {
    start(options = {}) {
      const app = createTestApp(options);
      opened.push(app);
      return app;
    },
  };
}
