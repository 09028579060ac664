/**
 * The runner every channel calls: load the session, step the engine, answer
 * requests that need storage, then commit the turn's writes and the new
 * session in one transaction. If anything throws, nothing is saved and the
 * person gets a friendly apology; the process keeps serving.
 */
import { step, type EngineDeps } from './engine.js';
import type { Address, Handler, Input, Locale, Outgoing, Reply } from './message.js';
import { text } from './message.js';
import type { RecordStore, SessionStore } from './ports.js';
import { reviveSession, type Session } from './session.js';
import { myDataReplies } from './flows/my-data.js';

export type Logger = {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
};

export type RunnerDeps = {
  readonly sessions: SessionStore<Session>;
  readonly records: RecordStore;
  readonly engine: EngineDeps;
  readonly render: (replies: readonly Reply[], locale: Locale) => Outgoing[];
  readonly log: Logger;
};

export function createRunner(deps: RunnerDeps): Handler {
  const queues = new Map<Address, Promise<unknown>>();

  async function turn(input: Input): Promise<Outgoing[]> {
    let locale: Locale = deps.engine.defaultLocale;
    try {
      const previous = reviveSession(await deps.sessions.read(input.from));
      if (previous) locale = previous.locale;
      const result = step(previous, input, deps.engine);
      const replies = [...result.replies];
      for (const request of result.requests) {
        if (request.type === 'my_data') {
          const [person, checks] = await Promise.all([deps.records.getPerson(input.from), deps.records.checksOf(input.from)]);
          replies.push(...myDataReplies(person, checks));
        }
      }
      await deps.records.commitTurn(input.from, result.session, result.writes, deps.engine.clock.now());
      return deps.render(replies, result.session.locale);
    } catch (error) {
      deps.log.error('turn failed', { address: input.from, error: error instanceof Error ? error.message : String(error) });
      return deps.render([{ text: text('common.error') }], locale);
    }
  }

  /** One turn at a time per address, so two quick messages never interleave. */
  return (input) => {
    const previous = queues.get(input.from) ?? Promise.resolve();
    const next = previous.then(() => turn(input));
    const settled = next.catch(() => undefined);
    queues.set(input.from, settled);
    void settled.then(() => {
      if (queues.get(input.from) === settled) queues.delete(input.from);
    });
    return next;
  };
}
