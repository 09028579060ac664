/**
 * The one per-person serializer: one promise chain per key, so two quick
 * messages from the same person are handled one after the other (never
 * interleaved) while different people run concurrently. A failed task does
 * not block the ones queued after it. Pure TypeScript: the runner orders
 * turns with it, and the channels order a turn together with sending its
 * replies (Telegram, Zalo, Zalo Bot, Zalo OA).
 */
export type Serializer = {
  /** Runs `task` after everything already queued for `key`; resolves or rejects with the task. */
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Waits for everything queued so far, including tasks queued while waiting. */
  drain(): Promise<void>;
  /** Keys with work queued or running. */
  readonly active: number;
};

export function createSerializer(): Serializer {
  const tails = new Map<string, Promise<void>>();

  return {
    run(key, task) {
      const result = (tails.get(key) ?? Promise.resolve()).then(task);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    async drain() {
      while (tails.size > 0) await Promise.all([...tails.values()]);
    },
    get active() {
      return tails.size;
    },
  };
}
