/** Reconnect delays: exponential with "equal jitter" (half fixed, half random) so restarts don't reconnect in lockstep. */
export type BackoffOptions = { readonly initialMs: number; readonly maxMs: number };

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 2_000, maxMs: 5 * 60_000 };

/** Delay before reconnect attempt `attempt` (1-based). `random` returns [0, 1). */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
