/**
 * What a turn does beyond the engine's writes (issue #16): the writes the
 * runner adds for staff and outreach requests, whose answers come from the
 * database (an invite code, a /join outcome, a handoff's number), and the
 * messages a turn sends to other chats. The store applies them in the same
 * transaction as the engine's writes and the session (RecordStore.commit),
 * so a failed commit leaves none of them behind; messages wait in the
 * `outbox` table and are sent after the commit.
 */
import type { Track } from './eligibility/types.js';
import type { Address, Locale, Outgoing, Reply } from './message.js';
import type { MaybePromise } from './ports.js';
import type { AudienceFilter, BroadcastReport } from './outreach.js';
import type { JoinOutcome, Referrer, Revoked } from './staff.js';
import type { IsoDate } from './calendar.js';

/** The actor is always the turn's address; `via` is 'chat'. Codes are made by the store (crypto, never in core). */
export type Effect =
  | { readonly type: 'invite'; readonly locality: string | null; readonly days: number }
  | { readonly type: 'join'; readonly code: string; readonly locale: Locale }
  /** `self`: the actor's own code (/referrer me); else a branch's (/referrer add). */
  | { readonly type: 'referrer_add'; readonly label: string; readonly self: boolean }
  | { readonly type: 'staff_remove'; readonly address: Address }
  | { readonly type: 'referrer_end'; readonly code: string }
  | { readonly type: 'remind'; readonly on: boolean }
  | { readonly type: 'broadcast'; readonly text: string; readonly filter: AudienceFilter }
  | { readonly type: 'staff_registration'; readonly address: Address; readonly domain: string; readonly track: Track; readonly freeUntil: IsoDate }
  | { readonly type: 'handoff_open' };

export type EffectResult =
  | { readonly type: 'invite'; readonly code: string; readonly expiresAt: string }
  | { readonly type: 'join'; readonly outcome: JoinOutcome }
  | { readonly type: 'referrer_add'; readonly referrer: Referrer; readonly created: boolean }
  | { readonly type: 'staff_remove'; readonly revoked: Revoked }
  | { readonly type: 'referrer_end'; readonly referrer: Referrer | undefined }
  | { readonly type: 'remind'; readonly member: boolean }
  | { readonly type: 'broadcast'; readonly report: BroadcastReport }
  | { readonly type: 'staff_registration'; readonly withDomain: boolean }
  | { readonly type: 'handoff_open'; readonly id: number };

/** The result of an effect of type `T`; throws if the store answered another one (a bug). */
export function resultOf<T extends EffectResult['type']>(result: EffectResult | undefined, type: T): Extract<EffectResult, { type: T }> {
  if (result?.type !== type) throw new Error(`Expected the store's answer to "${type}", got ${result?.type ?? 'none'}.`);
  return result as Extract<EffectResult, { type: T }>;
}

/**
 * A message to another chat, sent after the commit. `handoff`: the question
 * it forwards (a failed delivery marks the handoff failed) or the staff
 * answer it relays (a delivery marks it answered).
 */
export type OutboxMessage = {
  readonly to: Address;
  readonly messages: readonly Outgoing[];
  readonly handoff?: { readonly id: number; readonly purpose: 'question' | 'answer' };
};

/** An outbox row the commit wrote. */
export type QueuedMessage = OutboxMessage & { readonly id: number };

/** What the runner tells the outbox once it tried to send a row: deleted either way (no text is kept). */
export interface OutboxSettle {
  settle(id: number, delivered: boolean, now: Date): MaybePromise<void>;
}

/**
 * How the runner answers one request: a read is answered before the commit
 * (its replies ready in `answer`); a write becomes an effect, committed with
 * the turn, and its replies are built from what the database answered —
 * and, for a message to another chat, from whether it was delivered.
 */
export type Planned = {
  readonly effect?: Effect;
  /** A message to another chat, built from the effect's result inside the commit. */
  readonly message?: (result: EffectResult | undefined) => OutboxMessage;
  readonly answer: (done: { readonly result?: EffectResult | undefined; readonly delivered?: boolean | undefined }) => MaybePromise<Reply[]>;
};

/** A request answered by a read: its replies, as a plan. */
export function answered(replies: Reply[]): Planned {
  return { answer: () => replies };
}
