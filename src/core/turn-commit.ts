/**
 * The runner's storage side of a turn (issue #16), around the pure `step`:
 *
 * 1. `loadContext`: before `step`, the person's roles and the referral code
 *    their input names (referralCodeIn), looked up in storage.
 * 2. `commitPlans`: after the requests were planned (reads answered, writes
 *    turned into effects), one `RecordStore.commit` holds everything the turn
 *    does — the engine's writes, the effects, the messages to other chats
 *    (outbox rows) and the session. If it throws, nothing is kept and the
 *    same input can simply be sent again.
 * 3. Right after the commit, the turn's outbox rows are sent and settled
 *    (deleted; a handoff marked answered or failed), and the plans' replies
 *    are built from what the database answered and what was delivered.
 */
import type { Effect, EffectResult, OutboxMessage, OutboxSettle, Planned, QueuedMessage } from './effects.js';
import type { Deliver } from './handoff.js';
import type { Address, Input, Reply } from './message.js';
import type { RecordStore, TurnCommit, Write } from './ports.js';
import { referralCodeIn } from './referral-code.js';
import type { Session } from './session.js';
import type { StaffDirectory, StaffRole } from './staff.js';
import type { TurnContext } from './turn.js';

export type ContextDeps = {
  readonly directory?: StaffDirectory | undefined;
  readonly isAdmin?: ((address: Address) => boolean) | undefined;
};

/** What `step` needs from storage: roles (ADMINS folded in) and the named referral code, if staff created it. Independent of the session, so it is read alongside. */
export async function loadContext(input: Input, deps: ContextDeps): Promise<TurnContext> {
  const typed = referralCodeIn(input);
  const [stored, code] = await Promise.all([
    deps.directory?.rolesOf(input.from) ?? [],
    typed === undefined ? undefined : deps.directory?.referrerCode(typed),
  ]);
  const roles: StaffRole[] = [...stored];
  if (deps.isAdmin?.(input.from) === true) roles.push('admin');
  return { roles, ...(typed !== undefined && code !== undefined ? { referrer: { typed, code } } : {}) };
}

export type CommitDeps = {
  readonly records: RecordStore;
  readonly deliver?: Deliver | undefined;
  readonly outbox?: OutboxSettle | undefined;
  readonly warn: (message: string, fields?: Record<string, unknown>) => void;
};

export type TurnWork = {
  readonly address: Address;
  readonly state: Session | null;
  readonly writes: readonly Write[];
  readonly plans: readonly Planned[];
  readonly now: Date;
};

/** Commits the turn, sends its messages, and returns each plan's replies (in the plans' order). */
export async function commitPlans(work: TurnWork, deps: CommitDeps): Promise<Reply[][]> {
  const effects: Effect[] = [];
  const effectOf: (number | undefined)[] = work.plans.map((plan) => (plan.effect === undefined ? undefined : effects.push(plan.effect) - 1));
  const senders = work.plans.flatMap((plan, i) => (plan.message === undefined ? [] : [i]));
  const messages =
    senders.length === 0
      ? undefined
      : (results: readonly EffectResult[]): OutboxMessage[] =>
          senders.map((i) => {
            const index = effectOf[i];
            return work.plans[i]?.message?.(index === undefined ? undefined : results[index]) as OutboxMessage;
          });
  const turn: TurnCommit<Session> = { address: work.address, state: work.state, writes: work.writes, effects, now: work.now, ...(messages ? { messages } : {}) };
  const committed = await deps.records.commit(turn);
  const delivered = new Map<number, boolean>();
  for (const [n, row] of committed.outbox.entries()) {
    const owner = senders[n];
    if (owner !== undefined) delivered.set(owner, await send(row, work.now, deps));
  }
  return Promise.all(
    work.plans.map(async (plan, i) => {
      const index = effectOf[i];
      return plan.answer({ result: index === undefined ? undefined : committed.results[index], delivered: delivered.get(i) });
    }),
  );
}

/** Sends one committed message now; the row is settled (deleted) either way. A failed settle only risks a second copy later. */
async function send(row: QueuedMessage, now: Date, deps: CommitDeps): Promise<boolean> {
  let delivered = false;
  if (deps.deliver !== undefined) {
    try {
      await deps.deliver(row.to, row.messages);
      delivered = true;
    } catch (error) {
      deps.warn('outbox: message to another chat not delivered', { error: error instanceof Error ? error.message : String(error) });
    }
  }
  try {
    await deps.outbox?.settle(row.id, delivered, now);
  } catch (error) {
    deps.warn('outbox: could not settle a sent message; the outbox job may send it again', { error: error instanceof Error ? error.message : String(error) });
  }
  return delivered;
}
