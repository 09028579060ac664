/**
 * The runner's half of the handoff (issue #11): a forwarded question becomes
 * a `handoffs` row (id, address, status, time — no text) and a message to
 * the staff chat; a staff answer is looked up by its code and sent to the
 * person, prefixed "Cán bộ trả lời:". Both are committed with the turn
 * (issue #16): the row and the message (an outbox row) are written in its
 * transaction, the runner sends the message right after the commit, and the
 * replies say whether it arrived ("H7" forwarded, or the contacts).
 * Delivery problems are told to whoever is waiting, never thrown.
 */
import type { Clock } from '../../calendar.js';
import { handoffCode, type Deliver, type HandoffRequest, type HandoffStore } from '../../handoff.js';
import { answered, resultOf, type Planned } from '../../effects.js';
import { parseAddress, text, type Address, type Locale, type Outgoing, type Reply } from '../../message.js';
import type { ProgramData } from '../../program.js';
import type { Logger } from '../../runner.js';

export type HandoffRelayDeps = {
  readonly handoffs?: HandoffStore | undefined;
  /** Whether messages can leave the process at all; the runner sends them after the commit. */
  readonly deliver?: Deliver | undefined;
  readonly render: (replies: readonly Reply[], locale: Locale) => Outgoing[];
  /** The person's language, for the relayed answer. */
  readonly localeOf: (address: Address) => Promise<Locale>;
  /** The staff chat's language. */
  readonly staffLocale: Locale;
  readonly data: ProgramData;
  readonly clock: Clock;
  readonly log: Logger;
};

const say = (key: string, params?: Reply['text']['params']): Reply => ({ text: text(key, params) });

function contacts(data: ProgramData): Record<string, string> {
  return { hotline: data.contacts.hotline || '—', office: data.contacts.office, hours: data.contacts.hours };
}

/**
 * The person's words as a quotation: every line starts with "┃ ", so a
 * question cannot imitate the bot's own "❓ Câu hỏi H7 … nhắn #H7" block in
 * the staff chat (issue #18); runs of blank lines are folded.
 */
export function quoted(question: string): string {
  return question
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .split('\n')
    .map((line) => `┃ ${line}`)
    .join('\n');
}

function forward(question: string, from: Address, deps: HandoffRelayDeps): Planned {
  const staffChat = deps.data.handoff.staffChat;
  if (deps.handoffs === undefined || deps.deliver === undefined || staffChat === null) {
    deps.log.warn('handoff: no staff chat or delivery configured; question not forwarded', { address: from });
    return answered([say('handoff.unavailable', contacts(deps.data))]);
  }
  const channel = parseAddress(from)?.channel ?? '';
  return {
    effect: { type: 'handoff_open' },
    message: (result) => {
      const { id } = resultOf(result, 'handoff_open');
      const messages = deps.render([say('handoff.to_staff', { code: handoffCode(id), channel, question: quoted(question) })], deps.staffLocale);
      return { to: staffChat, messages, handoff: { id, purpose: 'question' } };
    },
    answer: ({ result, delivered }) => {
      const code = handoffCode(resultOf(result, 'handoff_open').id);
      if (delivered === true) return [say('handoff.forwarded', { code })];
      deps.log.warn('handoff: question not delivered to the staff chat', { code });
      return [say('handoff.unavailable', contacts(deps.data))];
    },
  };
}

async function relay(id: number, answer: string, deps: HandoffRelayDeps): Promise<Planned> {
  const code = handoffCode(id);
  const handoff = await deps.handoffs?.get(id);
  if (handoff === undefined || handoff.status === 'failed') return answered([say('handoff.unknown_code', { code })]);
  if (deps.deliver === undefined) return answered([say('handoff.relay_failed', { code })]);
  let messages: Outgoing[];
  try {
    const locale = await deps.localeOf(handoff.address);
    messages = deps.render([say('handoff.staff_answer', { answer })], locale);
  } catch (error) {
    deps.log.warn('handoff: answer not sent (the person\'s language could not be read)', { code, error: error instanceof Error ? error.message : String(error) });
    return answered([say('handoff.relay_failed', { code })]);
  }
  return {
    message: () => ({ to: handoff.address, messages, handoff: { id, purpose: 'answer' } }),
    answer: ({ delivered }) => {
      if (delivered === true) return [say('handoff.relayed', { code })];
      deps.log.warn('handoff: answer not delivered', { code });
      return [say('handoff.relay_failed', { code })];
    },
  };
}

/** A forward or a staff answer as a plan: the message is committed with the turn and sent right after. */
export function planHandoff(request: HandoffRequest, from: Address, deps: HandoffRelayDeps): Promise<Planned> {
  return request.type === 'handoff_forward' ? Promise.resolve(forward(request.question, from, deps)) : relay(request.id, request.answer, deps);
}
