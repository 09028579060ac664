/**
 * A turn being built: the features read the session and the deps, say things,
 * offer choices and ask for writes. The engine turns it into a StepResult.
 */
import type { Clock, IsoDate } from './calendar.js';
import type { Choice, Input, Locale, Reply, Text } from './message.js';
import { text } from './message.js';
import type { Understand } from './nlu/types.js';
import type { Write } from './ports.js';
import type { OutreachRequest } from './outreach.js';
import type { ProgramData } from './program.js';
import type { Session } from './session.js';
import type { LocalityIndex } from './locality/match.js';
import type { StaffRequest, StaffRole } from './staff.js';
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
  /** The province's communes for the locality question; without it the question is not asked. */
  readonly localities?: LocalityIndex;
};

/**
 * What the runner looked up before the turn (issue #16): the engine reads no
 * storage, so `step` is a pure function of session, input and this context.
 */
export type TurnContext = {
  /** The person's roles: 'admin' (ADMINS), 'team' and 'referrer' (storage); empty for everyone else. */
  readonly roles: readonly StaffRole[];
  /** The referral code the input names (referralCodeIn), when staff created it and it is active: as typed, and as stored. */
  readonly referrer?: { readonly typed: string; readonly code: string };
};

/** Nobody is staff and no referral code is known (tools and benches that step the engine alone). */
export const NO_CONTEXT: TurnContext = { roles: [] };

/** Things only the runner can do (they need storage reads); it appends their replies. */
export type Request = { type: 'my_data' } | OutreachRequest | StaffRequest | HandoffRequest | RenewalRequest;

export type Turn = {
  session: Session;
  readonly input: Input;
  readonly deps: EngineDeps;
  readonly context: TurnContext;
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
