/** How an in-process job is woken: every `everyMs`, never keeping the process alive. Tests pass their own. */
export type Scheduler = (run: () => void, everyMs: number) => () => void;

export const intervalScheduler: Scheduler = (run, everyMs) => {
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
};
