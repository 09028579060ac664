/**
 * The runner every channel calls: load the session and the turn's context
 * (roles, a named referral code), step the engine, plan the requests that
 * need storage (reads answered, writes as effects), then commit everything
 * the turn does — writes, effects, messages to other chats and the new
 * session — in one transaction, send its messages and reply (turn-commit.ts).
 * If anything throws before the commit ends, nothing is saved and the person
 * gets a friendly apology; the process keeps serving.
 */
import { step, type EngineDeps } from './engine.js';
import type { Address, Handler, Input, Locale, Outgoing, Reply, TurnResult } from './message.js';
import { text } from './message.js';
import type { RecordStore, SessionStore } from './ports.js';
import { reviveSession, type Session } from './session.js';
import { myDataReplies } from './features/privacy/my-data.js';
import { planOutreach, outreachDataLines } from './features/outreach/outreach-requests.js';
import { isOutreachRequest, type DomainAvailability, type FollowupStore } from './outreach.js';
import { createRateLimiter, type RateLimitOptions } from './rate-limit.js';
import { createSerializer } from './serializer.js';
import { planStaffRequest } from './features/staff/staff-answers.js';
import type { StaffRequest, StaffServices } from './staff.js';
import { todayInVietnam } from './calendar.js';
import { isHandoffRequest, type Deliver, type HandoffStore } from './handoff.js';
import { planHandoff, type HandoffRelayDeps } from './features/handoff/handoff-relay.js';
import { answered, type OutboxSettle, type Planned } from './effects.js';
import { commitPlans, loadContext } from './turn-commit.js';
import type { Request } from './turn.js';
import { withoutCounts } from './test-traffic.js';
import { answerRenewalWhen } from './features/renewal/renewal-answers.js';
import { isRenewalRequest } from './renewal/types.js';

export type Logger = {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  debug?(message: string, fields?: Record<string, unknown>): void;
};

export type RunnerDeps = {
  readonly sessions: SessionStore<Session>;
  readonly records: RecordStore;
  readonly engine: EngineDeps;
  readonly render: (replies: readonly Reply[], locale: Locale) => Outgoing[];
  readonly log: Logger;
  /** Per-address token bucket across channels; over it, one `common.rate_limited` notice, then silence. */
  readonly rateLimit?: RateLimitOptions;
  /** Follow-ups, broadcasts, staff-marked registrations; without it those requests say "unavailable". */
  readonly followups?: FollowupStore;
  /** Domain availability (DNS in production); without it every name is "unknown" with the WHOIS link. */
  readonly availability?: DomainAvailability;
  /** Roles, referrers, stats and exports (issue #7); without it staff requests say "not available". */
  readonly staff?: StaffServices;
  /** Questions forwarded to staff (issue #11), the outbox; without it (or `deliver`) the person gets the contacts. */
  readonly handoffs?: HandoffStore;
  /** Sends outside a turn, for handoff relays; main.ts wires it to the channels (src/channels/late-deliver.ts). */
  readonly deliver?: Deliver;
  /** Settles a turn's messages to other chats once sent (store.coordination.outbox); without it they wait for the outbox job. */
  readonly outbox?: OutboxSettle;
  /** Staff who may /broadcast and /registered (ADMINS): 'admin' in the turn's roles. */
  readonly isAdmin?: (address: Address) => boolean;
  /** TEST_USERS: their checks, funnel steps, feedback and registrations are never written (src/core/test-traffic.ts). */
  readonly isTestUser?: (address: Address) => boolean;
  /**
   * Several processes (PostgreSQL): holds the person's lock across replicas for the whole turn,
   * from reading the session to committing it. In one process the queue below is enough.
   */
  readonly turnLock?: TurnLock;
};

export type TurnLock = <T>(address: Address, fn: () => Promise<T>) => Promise<T>;

export function createRunner(deps: RunnerDeps): Handler {
  const queue = createSerializer();
  const outreachDeps = {
    ...(deps.followups === undefined ? {} : { followups: deps.followups }),
    ...(deps.availability === undefined ? {} : { availability: deps.availability }),
  };
  const relay: HandoffRelayDeps = {
    handoffs: deps.handoffs,
    deliver: deps.deliver,
    render: deps.render,
    localeOf: async (address) => reviveSession(await deps.sessions.read(address))?.locale ?? deps.engine.defaultLocale,
    staffLocale: deps.engine.defaultLocale,
    data: deps.engine.data,
    clock: deps.engine.clock,
    log: deps.log,
  };

  async function turn(input: Input): Promise<TurnResult> {
    let locale: Locale = deps.engine.defaultLocale;
    try {
      const [stored, context] = await Promise.all([deps.sessions.read(input.from), loadContext(input, { directory: deps.staff?.store, isAdmin: deps.isAdmin })]);
      const previous = reviveSession(stored);
      if (previous) locale = previous.locale;
      const result = step(previous, input, deps.engine, context);
      const plans: { readonly at?: number; readonly plan: Planned }[] = [];
      for (const request of result.requests) plans.push(await plan(request, input.from, result.session.locale));
      const writes = deps.isTestUser?.(input.from) === true ? withoutCounts(result.writes) : result.writes;
      // After "delete my data" no session row is written back either (issue #18): the next message starts afresh.
      const forgotten = result.writes.some((w) => w.type === 'forget');
      const answers = await commitPlans(
        { address: input.from, state: forgotten ? null : result.session, writes, plans: plans.map((p) => p.plan), now: deps.engine.clock.now() },
        { records: deps.records, deliver: deps.deliver, outbox: deps.outbox, warn: deps.log.warn },
      );
      // Answers go where the engine asked (before its closing prompt), or after its replies.
      const replies = [...result.replies];
      let inserted = 0;
      plans.forEach(({ at }, i) => {
        const answer = answers[i] ?? [];
        if (at === undefined) replies.push(...answer);
        else {
          replies.splice(at + inserted, 0, ...answer);
          inserted += answer.length;
        }
      });
      deps.log.debug?.('turn', {
        address: input.from,
        kind: 'choice' in input ? 'choice' : 'text',
        flow: result.session.step.flow,
        replies: replies.length,
        writes: result.writes.map((w) => w.type),
      });
      return { messages: deps.render(replies, result.session.locale), locale: result.session.locale };
    } catch (error) {
      deps.log.error('turn failed', { address: input.from, error: withoutInput(error, input) });
      return { messages: deps.render([{ text: text('common.error') }], locale), locale };
    }
  }

  /** A request the engine made, planned: reads answered now, writes as effects of the commit. */
  async function plan(request: Request, from: Address, locale: Locale): Promise<{ at?: number; plan: Planned }> {
    if (request.type === 'my_data') {
      const [person, checks, outreach] = await Promise.all([deps.records.getPerson(from), deps.records.checksOf(from), outreachDataLines(from, deps.followups)]);
      return { plan: answered(myDataReplies(person, checks, outreach)) };
    }
    if (isOutreachRequest(request)) return { at: request.at, plan: await planOutreach(request, { ...outreachDeps, data: deps.engine.data, clock: deps.engine.clock }) };
    if (isHandoffRequest(request)) return { at: request.at, plan: await planHandoff(request, from, relay) };
    if (isRenewalRequest(request)) {
      return { at: request.at, plan: answered(await answerRenewalWhen(from, deps.followups?.renewals, deps.engine.data, todayInVietnam(deps.engine.clock))) };
    }
    return { plan: await planStaff(request, from, locale) };
  }

  /** Staff answers: tables in the staff member's language, report files in Vietnamese (the ward plan's headings). */
  function planStaff(request: StaffRequest, address: Address, locale: Locale): Promise<Planned> {
    if (deps.staff === undefined) return Promise.resolve(answered([{ text: text('staff.unavailable') }]));
    const label = deps.engine.label;
    return planStaffRequest(request, {
      address,
      locale,
      now: deps.engine.clock.now(),
      today: todayInVietnam(deps.engine.clock),
      data: deps.engine.data,
      services: deps.staff,
      countChecks: (query) => deps.records.countChecks(query),
      t: (key, params) => label(text(key, params), locale),
      tVi: (key, params) => label(text(key, params), 'vi'),
      warn: (message, fields) => deps.log.warn(message, fields),
    });
  }

  const limiter = deps.rateLimit === undefined ? undefined : createRateLimiter(deps.rateLimit, deps.engine.clock);

  /** Over the limit: one friendly notice in the person's language (nothing is saved). */
  async function slowDown(input: Input): Promise<TurnResult> {
    deps.log.warn('rate limited', { address: input.from });
    let locale: Locale = deps.engine.defaultLocale;
    try {
      locale = reviveSession(await deps.sessions.read(input.from))?.locale ?? locale;
    } catch {
      // The notice still goes out in the default language.
    }
    return { messages: deps.render([{ text: text('common.rate_limited') }], locale), locale };
  }

  const locked = (input: Input): Promise<TurnResult> =>
    deps.turnLock === undefined ? turn(input) : deps.turnLock(input.from, () => turn(input)).catch((error: unknown) => {
      deps.log.error('turn lock failed', { address: input.from, error: error instanceof Error ? error.message : String(error) });
      const locale = deps.engine.defaultLocale;
      return { messages: deps.render([{ text: text('common.error') }], locale), locale };
    });

  /** One turn at a time per address (and across replicas with `turnLock`), so two quick messages never interleave. */
  return (input) => {
    // The staff chat is many people answering many questions, not one person: never limited (issue #18).
    const staffChat = input.from === deps.engine.data.handoff.staffChat;
    const verdict = staffChat ? 'allow' : (limiter?.take(input.from) ?? 'allow');
    if (verdict === 'drop') return Promise.resolve({ messages: [], locale: deps.engine.defaultLocale });
    return queue.run(input.from, () => (verdict === 'notify' ? slowDown(input) : locked(input)));
  };
}

/** An error's message for the log, without the person's own words or address in it. */
function withoutInput(error: unknown, input: Input): string {
  let message = error instanceof Error ? error.message : String(error);
  const typed = 'text' in input ? input.text.trim() : '';
  if (typed.length >= 3) message = message.split(typed).join('[text]');
  return message.split(input.from).join('[address]');
}
