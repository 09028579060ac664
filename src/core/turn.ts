/**
 * A turn being built: the features read the session and the deps, say things,
 * offer choices and ask for writes. The engine turns it into a StepResult.
 */
import type { Clock, IsoDate } from './calendar.js';
import type { Address, Choice, Input, Locale, Reply, Text } from './message.js';
import { text } from './message.js';
import type { Understand } from './nlu/types.js';
import type { Write } from './ports.js';
import type { OutreachRequest } from './outreach.js';
import type { ProgramData } from './program.js';
import type { Session } from './session.js';
import type { LocalityIndex } from './locality/match.js';
import type { StaffDirectory, StaffRequest } from './staff.js';
import type { HandoffRequest } from './handoff.js';
import type { RenewalRequest } from './renewal/types.js';

export type EngineDeps = {
  readonly clock: Clock;
  readonly data: ProgramData;
  readonly understand: Understand;
  /** Renders a label in a locale, to match choices typed as text. */
  readonly label: (label: Text, locale: Locale) => string;
  /** How long records are kept, told in the consent question. */
  readonly retentionDays: number;
  /** The language of a new conversation when the platform gives no hint. */
  readonly defaultLocale: Locale;
  /** Staff who may /broadcast and /registered (ADMINS); nobody when absent. */
  readonly isAdmin?: (address: Address) => boolean;
  /** Team members and referrers (storage, read synchronously); without it nobody is staff and no referral code is known. */
  readonly staff?: StaffDirectory;
  /** The province's communes for the locality question; without it the question is not asked. */
  readonly localities?: LocalityIndex;
};

/** Things only the runner can do (they need storage reads); it appends their replies. */
export type Request = { type: 'my_data' } | OutreachRequest | StaffRequest | HandoffRequest | RenewalRequest;

export type Turn = {
  session: Session;
  readonly input: Input;
  readonly deps: EngineDeps;
  readonly today: IsoDate;
  readonly replies: Reply[];
  readonly writes: Write[];
  readonly requests: Request[];
  /** Asks again what the current step waits for: the step's feature says how (src/core/compose.ts). */
  readonly reask: (turn: Turn) => void;
};

export function say(turn: Turn, key: string, params?: Text['params']): void {
  turn.replies.push({ text: text(key, params) });
}

/** Says something with choices; these become what "1", "2"… mean next turn. */
export function offer(turn: Turn, key: string, choices: readonly Choice[], params?: Text['params']): void {
  turn.replies.push({ text: text(key, params), choices });
  turn.session = { ...turn.session, offered: [...choices] };
}

export function write(turn: Turn, entry: Write): void {
  turn.writes.push(entry);
}

export function nowIso(turn: Turn): string {
  return turn.deps.clock.now().toISOString();
}
