/** Waiting on events in tests, not on guessed delays: polls `check` until it holds or `timeoutMs` passes; resolves to the ms waited. */
export async function waitUntil(check: () => boolean, timeoutMs = 5_000): Promise<number> {
  const started = Date.now();
  while (!check() && Date.now() - started < timeoutMs) await new Promise((resolve) => setTimeout(resolve, 20));
  return Date.now() - started;
}
