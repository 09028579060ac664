/**
 * The conversation state kept per address. It is persisted as JSON, so it
 * holds only what the bot may keep: never a birth date, an ID number or the
 * text of a message. A finished check keeps its outcome, not its inputs.
 */
import type { Choice, Locale } from './message.js';
import type { Consent } from './ports.js';
import type { Outcome, Reason, Track } from './eligibility/types.js';
import type { BusinessType } from './nlu/types.js';

export type PendingCheck = { track: Track; outcome: Outcome; reason: Reason };

export type Step =
  | { flow: 'menu' }
  | { flow: 'idvn'; ask: 'birth' }
  | { flow: 'bizvn'; ask: 'type' }
  | { flow: 'bizvn'; ask: 'established'; businessType: BusinessType }
  | { flow: 'bizvn'; ask: 'certificate'; businessType: BusinessType }
  /** A result was shown; consent to store it is asked once. */
  | { flow: 'consent'; pending: PendingCheck }
  | { flow: 'forget'; ask: 'confirm' };

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
