/**
 * Builds the Handler every channel calls from already-opened parts. Used by
 * src/main.ts (the composition root), the CLI and the test harness, so they
 * all run the same engine on the same storage.
 */
import type { Clock } from './core/calendar.js';
import type { Address, Handler, Locale } from './core/message.js';
import type { DomainAvailability, FollowupStore } from './core/outreach.js';
import type { Understand } from './core/nlu/types.js';
import type { RecordStore, SessionStore } from './core/ports.js';
import type { ProgramData } from './core/program.js';
import type { RateLimitOptions } from './core/rate-limit.js';
import { createRunner, type Logger, type TurnLock } from './core/runner.js';
import type { Session } from './core/session.js';
import type { Config } from './config.js';
import { trainUnderstanding } from './nlu-corpus.js';
import { loadProgram } from './data.js';
import { loadLocalities } from './localities.js';
import type { LocalityIndex } from './core/locality/match.js';
import type { StaffServices } from './core/staff.js';
import { createI18n, type I18n } from './i18n.js';
import type { Deliver, HandoffStore } from './core/handoff.js';
import { isTestUserIn } from './core/test-traffic.js';
import type { OutboxSettle } from './core/effects.js';

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
  /** Per-person message limit across channels (main.ts passes DEFAULT_RATE_LIMIT); off when absent. */
  readonly rateLimit?: RateLimitOptions;
  /** Follow-ups, broadcasts, staff-marked registrations (store.followups); off when absent. */
  readonly followups?: FollowupStore;
  /** Domain availability (createDnsAvailability() in production); "unknown" + WHOIS link when absent. */
  readonly availability?: DomainAvailability;
  /** Who may /broadcast and /registered <address> <domain> (ADMINS). */
  readonly isAdmin?: (address: Address) => boolean;
  /** Team members, referrers, stats and exports (createStaffServices in src/staff-services.ts); off when absent. */
  readonly staff?: StaffServices;
  /** The province's communes for the locality question after consent (loadLocalities().index); not asked when absent. */
  readonly localities?: LocalityIndex;
  /** The outbox of questions forwarded to staff (store.handoffs, issue #11); no relay when absent. */
  readonly handoffs?: HandoffStore;
  /** Proactive sends for handoff relays (createLateDeliver in src/channels/late-deliver.ts); no relay when absent. */
  readonly deliver?: Deliver;
  /** TEST_USERS: conversations kept out of every count (src/core/test-traffic.ts). */
  readonly isTestUser?: (address: Address) => boolean;
  /** Replicas sharing PostgreSQL: the person's cross-process turn lock (store.coordination.withTurnLock). */
  readonly turnLock?: TurnLock;
  /** Settles a turn's messages to other chats once sent (store.coordination.outbox, issue #16). */
  readonly outbox?: OutboxSettle;
};

export function createAssistant(deps: AssistantDeps): Handler {
  return createRunner({
    sessions: deps.sessions,
    records: deps.records,
    log: deps.log,
    render: deps.i18n.render,
    ...(deps.rateLimit === undefined ? {} : { rateLimit: deps.rateLimit }),
    ...(deps.followups === undefined ? {} : { followups: deps.followups }),
    ...(deps.availability === undefined ? {} : { availability: deps.availability }),
    ...(deps.staff === undefined ? {} : { staff: deps.staff }),
    ...(deps.handoffs === undefined ? {} : { handoffs: deps.handoffs }),
    ...(deps.deliver === undefined ? {} : { deliver: deps.deliver }),
    ...(deps.isTestUser === undefined ? {} : { isTestUser: deps.isTestUser }),
    ...(deps.turnLock === undefined ? {} : { turnLock: deps.turnLock }),
    ...(deps.isAdmin === undefined ? {} : { isAdmin: deps.isAdmin }),
    ...(deps.outbox === undefined ? {} : { outbox: deps.outbox }),
    engine: {
      clock: deps.clock,
      data: deps.program,
      understand: deps.understand,
      label: (label, locale) => deps.i18n.t(locale, label.key, label.params),
      retentionDays: deps.retentionDays,
      defaultLocale: deps.defaultLocale,
      ...(deps.localities === undefined ? {} : { localities: deps.localities }),
    },
  });
}

/** The assistant as configured by the environment: program data, locales and the NLU loaded from the repo. */
export function createConfiguredAssistant(
  config: Pick<Config, 'RETENTION_DAYS' | 'DEFAULT_LOCALE'> & Partial<Pick<Config, 'TEST_USERS'>>,
  parts: Pick<AssistantDeps, 'clock' | 'sessions' | 'records' | 'log'> &
    Pick<Partial<AssistantDeps>, 'rateLimit' | 'followups' | 'availability' | 'isAdmin' | 'staff' | 'localities' | 'handoffs' | 'deliver' | 'turnLock' | 'outbox'>,
): { handle: Handler; program: ProgramData; i18n: I18n } {
  const program = loadProgram();
  const i18n = createI18n();
  const handle = createAssistant({
    localities: loadLocalities().index,
    ...(config.TEST_USERS === undefined || config.TEST_USERS.length === 0 ? {} : { isTestUser: isTestUserIn(config.TEST_USERS) }),
    ...parts,
    program,
    i18n,
    understand: trainUnderstanding(),
    retentionDays: config.RETENTION_DAYS,
    defaultLocale: config.DEFAULT_LOCALE,
  });
  return { handle, program, i18n };
}
