import type { Handler, Input, Locale, Outgoing, TurnResult } from '../../src/core/message.js';

/** A stand-in for the engine in channel tests: it may answer plain replies (then in `locale`) or a whole TurnResult. */
export type FakeEngine = (input: Input) => Outgoing[] | TurnResult | Promise<Outgoing[] | TurnResult>;

export function asHandler(engine: FakeEngine, locale: Locale = 'vi'): Handler {
  return async (input) => {
    const answer = await engine(input);
    return Array.isArray(answer) ? { messages: answer, locale } : answer;
  };
}
