/**
 * Handoff to a person (issue #11): the data it runs on, the on-duty check,
 * the reply codes staff type, and the port of the `handoffs` outbox.
 *
 * A person's question reaches the staff chat only after they say yes. The
 * database keeps the handoff (id, address, status, time), never the text:
 * the question travels in the session until it is forwarded or dropped; the
 * message to the staff chat (or a staff answer to the person) is an outbox
 * row of the turn's commit, deleted once the runner has sent it (issue #16).
 */
import type { Address, Outgoing } from './message.js';
import type { MaybePromise } from './ports.js';
import { vietnamMoment } from './calendar.js';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** data/program.json `handoff`. */
export type HandoffData = {
  /** Where questions go ("telegram:-100123", a Telegram group; or "zalo:<thread>"); null: contacts only, no relay. */
  staffChat: Address | null;
  /** On-duty hours per weekday in Vietnam time, "07:30-11:30"; a day without hours has nobody on duty. */
  hours: Readonly<Record<Weekday, readonly string[]>>;
};

export const HOURS_RANGE = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

function minutes(hh: string | undefined, mm: string | undefined): number {
  return Number(hh) * 60 + Number(mm);
}

/** True when a staff chat is set and `now` falls in one of today's on-duty ranges (Vietnam time, end exclusive). */
export function staffOnDuty(data: HandoffData, now: Date): boolean {
  if (data.staffChat === null) return false;
  const { weekday, minute: at } = vietnamMoment(now);
  const day = WEEKDAYS[weekday] ?? 'sun';
  return data.hours[day].some((range) => {
    const m = HOURS_RANGE.exec(range);
    return m !== null && minutes(m[1], m[2]) <= at && at < minutes(m[3], m[4]);
  });
}

/** "#H12 …", "/reply H12 …" or "/reply #H12 …": the handoff id and the answer (maybe empty). */
export function parseStaffReply(text: string): { id: number; answer: string } | undefined {
  const m = /^(?:#|\/reply(?:@\w+)?\s+#?)H(\d{1,9})\b[\s:,.-]*([\s\S]*)$/i.exec(text.trim());
  if (m === null) return undefined;
  return { id: Number(m[1]), answer: (m[2] ?? '').trim() };
}

/** "/reply" with anything after it (or nothing): a staff reply attempt. */
export function isReplyCommand(text: string): boolean {
  return /^\/reply(?:@\w+)?(?:\s|$)/i.test(text.trim());
}

export function handoffCode(id: number): string {
  return `H${id}`;
}

export type HandoffStatus = 'open' | 'answered' | 'failed';
export type Handoff = { readonly id: number; readonly address: Address; readonly status: HandoffStatus; readonly createdAt: string };

/** The outbox of forwarded questions: no text, only who asked, when, and where it stands. */
export interface HandoffStore {
  open(address: Address, now: Date): MaybePromise<number>;
  get(id: number): MaybePromise<Handoff | undefined>;
  setStatus(id: number, status: HandoffStatus): MaybePromise<void>;
}

/** Sends messages outside a turn; rejects when they were not delivered. main.ts wires it to the channels. */
export type Deliver = (address: Address, messages: readonly Outgoing[]) => Promise<void>;

/**
 * What the engine asks the runner (proactive sends need storage and the
 * channels). `at`: where in the turn's replies the answer goes.
 */
export type HandoffRequest =
  | { readonly type: 'handoff_forward'; readonly question: string; readonly at: number }
  | { readonly type: 'handoff_reply'; readonly id: number; readonly answer: string; readonly at: number };

export function isHandoffRequest(request: { readonly type: string }): request is HandoffRequest {
  return request.type === 'handoff_forward' || request.type === 'handoff_reply';
}
