/**
 * The bot runs until it is told to stop (SIGINT, SIGTERM, the console
 * closed), whichever channels are up: without this, a process whose only
 * channel is down (Zalo logged out, a login file that does not parse) has
 * nothing left on the event loop and exits 0 silently, and a service
 * manager would not restart it (issue #18). main.ts holds it from start-up
 * and releases it once shut down.
 */
export type ProcessHold = { release(): void };

const FOREVER_MS = 2 ** 31 - 1;

export function holdProcess(): ProcessHold {
  const timer = setInterval(() => undefined, FOREVER_MS);
  return { release: () => clearInterval(timer) };
}
