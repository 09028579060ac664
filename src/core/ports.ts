/**
 * Ports: the small interfaces the core needs from the outside world.
 * Storage ports return MaybePromise (grammY's StorageAdapter shape) so an
 * in-memory fake, SQLite and a future PostgreSQL store all fit.
 */
import type { Address, ChannelName, Locale, Outgoing } from './message.js';
import type { Outcome, Reason, Track } from './eligibility/types.js';

export type { Clock } from './calendar.js';

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
    }
  /** Delete the person row and the session; their checks become anonymous counts. */
  | { type: 'forget' };

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

/** People and checks. */
export interface RecordStore {
  getPerson(address: Address): MaybePromise<Person | undefined>;
  /**
   * Applies one turn's writes atomically, together with the session state
   * (`state === null` deletes the session). `now` stamps every row.
   */
  commitTurn<S>(address: Address, state: S | null, writes: readonly Write[], now: Date): MaybePromise<void>;
  listChecks(query?: CheckQuery): MaybePromise<CheckRecord[]>;
  countChecks(query?: CheckQuery): MaybePromise<CountRow[]>;
  checksOf(address: Address): MaybePromise<CheckRecord[]>;
}

/** What a channel adapter gives the rest of the process. */
export interface Channel {
  readonly name: ChannelName;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Sends replies outside a turn (reminders, broadcasts, relayed staff answers). */
  send?(address: Address, messages: readonly Outgoing[]): Promise<void>;
}
