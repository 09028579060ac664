/**
 * Ports: the small interfaces the core needs from the outside world.
 * Storage ports return MaybePromise (grammY's StorageAdapter shape) so an
 * in-memory fake, SQLite and a future PostgreSQL store all fit.
 */
import type { Address, ChannelName, Locale, Outgoing } from './message.js';
import type { Outcome, Reason, Track } from './eligibility/types.js';
import type { OutreachWrite, RegistrationCountRow } from './outreach.js';
import type { AnalyticsWrite } from './funnel.js';
import type { RenewalWrite } from './renewal/types.js';
import type { Effect, EffectResult, OutboxMessage, QueuedMessage } from './effects.js';

export type { Clock } from './calendar.js';
export type { DomainAvailability, FollowupStore, OutreachWrite, RegistrationCountRow } from './outreach.js';

export type MaybePromise<T> = T | Promise<T>;

export type Consent = 'granted' | 'declined';

/** What is stored about a person: never a birth date, ID number, phone number or message text. */
export type Person = {
  address: Address;
  locale: Locale;
  consent: Consent | null;
  consentAt: string | null;
  referrer: string | null;
  locality: string | null;
  createdAt: string;
  updatedAt: string;
};

export type PersonPatch = Partial<Pick<Person, 'locale' | 'consent' | 'consentAt' | 'referrer' | 'locality'>>;

/** One eligibility check. `address` is null for anonymous counts (no consent, or data deleted). */
export type CheckRecord = {
  address: Address | null;
  channel: ChannelName;
  track: Track;
  outcome: Outcome;
  reason: Reason;
  referrer: string | null;
  locality: string | null;
  createdAt: string;
  /** Entered by a helper for someone present (assisted mode, issue #11); absent for ordinary checks. */
  assisted?: true;
  /** The helper credited, when the person consented and the helper has no referral code (then `referrer` is theirs). */
  helper?: Address | null;
};

/** A write the engine asks for; the runner hands a turn's writes to the store in one transaction. */
export type Write =
  | { type: 'person'; patch: PersonPatch }
  | {
      type: 'check';
      track: Track;
      outcome: Outcome;
      reason: Reason;
      referrer: string | null;
      locality: string | null;
      /** No consent: keep an anonymous count only (address stored as null). */
      anonymous: boolean;
      /** Assisted mode (issue #11): stored without an address whatever `anonymous` says. */
      assisted?: true;
      /** Assisted, with the person's consent: the helper to credit; the store puts their referral code in `referrer` when they have one. */
      helper?: Address | null;
    }
  /** Delete the person row and the session; their checks become anonymous counts (follow-ups deleted). */
  | { type: 'forget' }
  /** The commune/ward a consenting person named: set on the person and on their checks recorded without one. */
  | { type: 'locality'; locality: string }
  /** Follow-ups, news opt-in, registrations (src/core/outreach.ts). */
  | OutreachWrite
  /** Funnel steps and 👍/👎 feedback, anonymous counts (src/core/funnel.ts). */
  | AnalyticsWrite
  /** Renewal reminders and "đã gia hạn" (src/core/renewal/types.ts). */
  | RenewalWrite;

/** Conversation state persistence (grammY StorageAdapter shape). Values are JSON-serialisable. */
export interface SessionStore<S> {
  read(address: Address): MaybePromise<S | undefined>;
  write(address: Address, state: S): MaybePromise<void>;
  delete(address: Address): MaybePromise<void>;
}

export type CheckQuery = {
  /** Inclusive ISO timestamps (UTC) bounding `createdAt`. */
  from?: string;
  to?: string;
  track?: Track;
  channel?: ChannelName;
};

export type CountRow = { track: Track; outcome: Outcome; count: number };

/** Everything one turn does, committed together (issue #16). */
export type TurnCommit<S> = {
  readonly address: Address;
  /** The new session; null deletes it. */
  readonly state: S | null;
  /** The engine's writes, in order. */
  readonly writes: readonly Write[];
  /** The runner's writes with answers (staff, broadcasts, handoffs), applied after `writes`; the actor is `address`. */
  readonly effects: readonly Effect[];
  /** Stamps every row. */
  readonly now: Date;
  /** Messages to other chats, built (synchronously) from the effects' results, e.g. a new handoff's code; stored in the outbox. */
  readonly messages?: (results: readonly EffectResult[]) => readonly OutboxMessage[];
};

/** What a committed turn's database answered: one result per effect, and the outbox rows to send now. */
export type Committed = { readonly results: readonly EffectResult[]; readonly outbox: readonly QueuedMessage[] };

/** People and checks. */
export interface RecordStore {
  getPerson(address: Address): MaybePromise<Person | undefined>;
  /**
   * Applies one turn atomically: the engine's writes, the effects, the outbox
   * rows and the session. If anything throws, nothing of the turn is kept.
   */
  commit<S>(turn: TurnCommit<S>): MaybePromise<Committed>;
  /** `commit` of the engine's writes and the session alone (`state === null` deletes the session). */
  commitTurn<S>(address: Address, state: S | null, writes: readonly Write[], now: Date): MaybePromise<void>;
  listChecks(query?: CheckQuery): MaybePromise<CheckRecord[]>;
  countChecks(query?: CheckQuery): MaybePromise<CountRow[]>;
  checksOf(address: Address): MaybePromise<CheckRecord[]>;
  /** Recorded registrations ("registered"), per track, referrer and locality; `channel` filters too. */
  countRegistrations(query?: CheckQuery): MaybePromise<RegistrationCountRow[]>;
}

/**
 * How a channel is doing, for /readyz, the `bot_channel_up` gauge and admin alerts.
 * `up: false` with a `problem` (a short word: 'logged_out', 'polling_failed', 'token_refresh_failed'…)
 * is an outage; `up: true` with a `problem` ('token_expiring') is a warning.
 */
export type ChannelHealth = { readonly up: boolean; readonly problem?: string };

/**
 * How a send outside a turn went. `blocked`: this person cannot be reached and retrying cannot help
 * (they blocked the bot, the chat is gone, or the Zalo OA's 48-hour window is closed); `failed`:
 * it may work later; `unsupported`: this channel cannot send outside a turn at all.
 */
export type SendOutcome =
  | { readonly status: 'ok' }
  | { readonly status: 'blocked' }
  | { readonly status: 'failed'; readonly error: string }
  | { readonly status: 'unsupported' };

/** What a channel adapter gives the rest of the process. */
export interface Channel {
  readonly name: ChannelName;
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Sends replies outside a turn (reminders, broadcasts, relayed staff answers). Delivery problems
   * are an outcome, never a rejection; it rejects only for an address of another channel (a bug).
   */
  send(address: Address, messages: readonly Outgoing[]): Promise<SendOutcome>;
  /** Current health; a channel without it counts as up once started. */
  health?(): ChannelHealth;
}
