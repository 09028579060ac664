/**
 * The runner's half of the handoff (issue #11): a forwarded question becomes
 * a `handoffs` row (id, address, status, time — no text) and a message to
 * the staff chat through `deliver`; a staff answer is looked up by its code
 * and delivered to the person, prefixed "Cán bộ trả lời:". Delivery problems
 * are told to whoever is waiting, never thrown.
 */
import type { Clock } from './calendar.js';
import { handoffCode, type Deliver, type HandoffRequest, type HandoffStore } from './handoff.js';
import { parseAddress, text, type Address, type Locale, type Outgoing, type Reply } from './message.js';
import type { ProgramData } from './program.js';
import type { Logger } from './runner.js';

export type HandoffRelayDeps = {
  readonly handoffs?: HandoffStore | undefined;
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

async function forward(question: string, from: Address, deps: HandoffRelayDeps): Promise<Reply[]> {
  const staffChat = deps.data.handoff.staffChat;
  if (deps.handoffs === undefined || deps.deliver === undefined || staffChat === null) {
    deps.log.warn('handoff: no staff chat or delivery configured; question not forwarded', { address: from });
    return [say('handoff.unavailable', contacts(deps.data))];
  }
  const id = await deps.handoffs.open(from, deps.clock.now());
  const code = handoffCode(id);
  const channel = parseAddress(from)?.channel ?? '';
  try {
    await deps.deliver(staffChat, deps.render([say('handoff.to_staff', { code, channel, question: quoted(question) })], deps.staffLocale));
    return [say('handoff.forwarded', { code })];
  } catch (error) {
    await deps.handoffs.setStatus(id, 'failed');
    deps.log.warn('handoff: question not delivered to the staff chat', { code, error: error instanceof Error ? error.message : String(error) });
    return [say('handoff.unavailable', contacts(deps.data))];
  }
}

async function relay(id: number, answer: string, deps: HandoffRelayDeps): Promise<Reply[]> {
  const code = handoffCode(id);
  const handoff = await deps.handoffs?.get(id);
  if (handoff === undefined || handoff.status === 'failed') return [say('handoff.unknown_code', { code })];
  if (deps.deliver === undefined) return [say('handoff.relay_failed', { code })];
  try {
    const locale = await deps.localeOf(handoff.address);
    await deps.deliver(handoff.address, deps.render([say('handoff.staff_answer', { answer })], locale));
  } catch (error) {
    deps.log.warn('handoff: answer not delivered', { code, error: error instanceof Error ? error.message : String(error) });
    return [say('handoff.relay_failed', { code })];
  }
  await deps.handoffs?.setStatus(id, 'answered');
  return [say('handoff.relayed', { code })];
}

export function answerHandoff(request: HandoffRequest, from: Address, deps: HandoffRelayDeps): Promise<Reply[]> {
  return request.type === 'handoff_forward' ? forward(request.question, from, deps) : relay(request.id, request.answer, deps);
}
