/**
 * The conversation state kept per address. It is persisted as JSON, so it
 * holds only what the bot may keep: never a birth date, an ID number or the
 * text of a message. A finished check keeps its outcome, not its inputs.
 * One exception: a question the person wants forwarded to staff stays in
 * the `handoff` step until it is forwarded or they move on (issue #11).
 */
import type { IsoDate } from './calendar.js';
import type { Choice, Locale } from './message.js';
import type { Consent } from './ports.js';
import type { Outcome, Reason, Track } from './eligibility/types.js';
import type { BusinessType, SelfForm, Subject } from './nlu/types.js';
import type { CheckResult } from './eligibility/types.js';

/** `deadline`: an eligible enterprise's last day (never a person's birth date), for deadline reminders. */
export type PendingCheck = { track: Track; outcome: Outcome; reason: Reason; deadline?: IsoDate };

export type Step =
  | { flow: 'menu' }
  | { flow: 'idvn'; ask: 'birth' }
  /** "Việt kiều": do they hold Vietnamese citizenship? `ifCitizen` is the result when they do (no birth date kept). */
  | { flow: 'idvn'; ask: 'citizenship'; ifCitizen?: CheckResult }
  | { flow: 'bizvn'; ask: 'type' }
  | { flow: 'bizvn'; ask: 'established'; businessType: BusinessType }
  | { flow: 'bizvn'; ask: 'certificate'; businessType: BusinessType }
  /** A result was shown; consent to store it is asked once. */
  | { flow: 'consent'; pending: PendingCheck }
  | { flow: 'forget'; ask: 'confirm' }
  /** Waiting for a full name / business name (never stored) or a domain to check. */
  | { flow: 'domain'; track: Track }
  /** The one follow-up question after an eligible result (consent granted). */
  | { flow: 'followup'; track: Track; deadline?: IsoDate }
  /** "Đã đăng ký" without the domain: which one? */
  | { flow: 'registered' }
  /** Assisted mode (issue #11, features/assisted/): which check next, the person's consent said aloud, what now. */
  | { flow: 'assisted'; ask: 'track' | 'next' }
  | { flow: 'assisted'; ask: 'consent'; pending: PendingCheck }
  /**
   * Handoff to a person (features/handoff/). `question` is the person's own words, kept only until
   * they say yes (forwarded, then dropped) or move on (dropped): never written anywhere else.
   */
  | { flow: 'handoff'; ask: 'question' }
  | { flow: 'handoff'; ask: 'confirm'; question: string }
  /** After 👍/👎: the optional comment; only a category is kept (features/feedback/). */
  | { flow: 'feedback'; track: Track; helpful: boolean }
  /** Renewal reminders (issue #22, src/core/renewal/): offered after a registration, the registration day asked; which track was renewed. */
  | { flow: 'renewal'; ask: 'optin' | 'date'; track: Track }
  | { flow: 'renewal'; ask: 'renewed_track' };

/** Every step's flow, so start-up can check that a feature asks again from each (src/core/compose.ts). */
export const FLOWS = Object.keys({
  menu: true, idvn: true, bizvn: true, consent: true, forget: true, domain: true, followup: true,
  registered: true, assisted: true, handoff: true, feedback: true, renewal: true,
} satisfies Record<Step['flow'], true>) as readonly Step['flow'][];

export type Session = {
  v: 1;
  locale: Locale;
  consent: Consent | null;
  referrer: string | null;
  locality: string | null;
  step: Step;
  /** The choices last offered, so "2" or a typed label resolves on every channel. */
  offered: Choice[];
  /** Consecutive turns the bot did not understand. */
  misses: number;
  /** The follow-up question was asked once already (it is asked only once). */
  followupAsked?: boolean;
  /** Tracks this person said they registered (not the domain), so a claim is counted once. */
  registered?: Track[];
  /** The locality question was asked once already (it is asked only once). */
  localityAsked?: boolean;
  /** The locality question is open: the next typed text may answer it (features/locality/). */
  localityOpen?: boolean;
  /** Assisted mode is on (a helper enters checks for people present); `n` checks done so far. */
  assist?: { n: number };
  /** A result was just recorded: "Thông tin có hữu ích không?" goes with the menu that follows (`asked` once it went). */
  feedback?: { track: Track; asked: boolean };
  /**
   * How the person speaks (issue #17): their own pronoun and whom they ask about, mirrored in
   * replies (features/address/). Kept in the session only, never written to the records.
   */
  address?: { self?: SelfForm; subject?: Subject };
  /**
   * The last result, for questions about it ("còn mấy ngày", "Vì sao?"). `until` is the last
   * eligible day; it is dropped after `turns` more turns so no date derived from a birthday stays.
   */
  lastResult?: { track: Track; outcome: Outcome; reason: Reason; until?: IsoDate; turns: number };
  /** Tracks this person said they renewed (issue #22), so a claim is counted once. */
  renewed?: Track[];
};

export const SESSION_VERSION = 1;

export function newSession(locale: Locale): Session {
  return {
    v: SESSION_VERSION,
    locale,
    consent: null,
    referrer: null,
    locality: null,
    step: { flow: 'menu' },
    offered: [],
    misses: 0,
  };
}

/** Accepts a stored value only if it looks like a session of this version. */
export function reviveSession(value: unknown): Session | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const candidate = value as Partial<Session>;
  if (candidate.v !== SESSION_VERSION || typeof candidate.step !== 'object') return undefined;
  return candidate as Session;
}
