/**
 * Group commit (issue #21): the turns of different people that are ready to
 * commit in the same tick of the event loop go into ONE SQLite transaction,
 * each in its own SAVEPOINT (better-sqlite3 runs a transaction function
 * called inside another one as a savepoint), so a turn that throws rolls back
 * only itself. Every turn's promise settles only after the outer COMMIT: a
 * reply can never go out for a turn that is not on disk, and a failed COMMIT
 * fails every turn of the batch (none of them was saved).
 *
 * One person's turns stay in order: the runner starts a person's next turn
 * only when the previous one settled, and a batch applies turns in arrival
 * order. Alone (one turn waiting) the batch is that turn: it waits one
 * `setImmediate`, i.e. only for what is already runnable.
 */
import type BetterSqlite3 from 'better-sqlite3';

export type GroupCommit = {
  /**
   * Runs `work` (synchronous database writes) inside the next batch's
   * transaction, in its own savepoint; resolves to its result after COMMIT,
   * rejects with its error (only its savepoint rolled back) or with the
   * COMMIT's error.
   */
  run<T>(work: () => T): Promise<T>;
  /** Turns waiting for the next batch (for tests and metrics). */
  pending(): number;
  /** Commits what is waiting now, synchronously (before closing the database). */
  flush(): void;
};

export type GroupCommitOptions = {
  /**
   * Each work is itself a better-sqlite3 transaction function (a savepoint when nested),
   * so it needs no savepoint of its own, and a batch of one runs it as it is.
   */
  readonly atomicWork?: boolean;
  /** Turns in one transaction at most; the rest go in the next batch right after. */
  readonly maxBatch?: number;
  /** Called after each COMMIT with the batch size (metrics, tests). */
  readonly onBatch?: (size: number) => void;
};

type Waiting = {
  readonly work: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
};

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

export const DEFAULT_MAX_BATCH = 256;

export function createGroupCommit(db: BetterSqlite3.Database, options: GroupCommitOptions = {}): GroupCommit {
  const maxBatch = Math.max(1, options.maxBatch ?? DEFAULT_MAX_BATCH);
  let queue: Waiting[] = [];
  let scheduled = false;

  const inSavepoint = options.atomicWork === true ? (work: () => unknown) => work() : db.transaction((work: () => unknown) => work());
  const commitBatch = db.transaction((batch: readonly Waiting[]): Outcome[] =>
    batch.map((item) => {
      try {
        return { ok: true, value: inSavepoint(item.work) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );
  // A batch of one atomic work is that work's own transaction, as without group commit.
  const commitOne = (item: Waiting): Outcome[] => {
    try {
      return [{ ok: true, value: item.work() }];
    } catch (error) {
      return [{ ok: false, error }];
    }
  };

  function flushOnce(): void {
    const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
    queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = batch.length === 1 && options.atomicWork === true && batch[0] !== undefined ? commitOne(batch[0]) : commitBatch(batch);
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    options.onBatch?.(batch.length);
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok === true) item.resolve(outcome.value);
      else item.reject(outcome === undefined ? new Error('group commit: a turn has no outcome') : outcome.error);
    });
  }

  function flush(): void {
    scheduled = false;
    while (queue.length > 0) flushOnce();
  }

  return {
    run<T>(work: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    pending: () => queue.length,
    flush,
  };
}
