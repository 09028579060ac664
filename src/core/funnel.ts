/**
 * Anonymous analytics (issue #11): the funnel — how far people get, counted
 * per day, step and track — and the 👍/👎 feedback. No address, no text.
 *
 * Funnel steps, each counted once per check at most:
 * - started: a new conversation (a first message that is not a staff command);
 * - track_chosen: the person went into the id.vn or biz.vn check;
 * - question_answered: they answered its first question (the check moved on);
 * - result_shown: they saw a result;
 * - next_steps_opened: they went on to a next step (the domain-name helper);
 * - registration_reported: they said they registered (issue #9's write).
 * Assisted checks (a helper for someone present) and the staff chat are not
 * part of the funnel: it measures people using the bot on their own.
 */
import type { IsoDate } from './calendar.js';
import type { Outcome, Track } from './eligibility/types.js';
import type { MaybePromise, Write } from './ports.js';
import type { Session, Step } from './session.js';
import type { Turn } from './turn.js';

export const FUNNEL_STEPS = ['started', 'track_chosen', 'question_answered', 'result_shown', 'next_steps_opened', 'registration_reported'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export const FEEDBACK_CATEGORIES = ['unclear', 'missing_info', 'not_my_case', 'other'] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

/** Writes of a turn, applied by RecordStore.commitTurn with the rest of it. */
export type AnalyticsWrite =
  /** +1 for (day, step, track); `track` null for steps before a track is known. */
  | { type: 'funnel'; day: IsoDate; step: FunnelStep; track: Track | null }
  /** One answer to "Thông tin có hữu ích không?": never the comment, only its category. */
  | { type: 'feedback'; track: Track; helpful: boolean; category: FeedbackCategory | null };

export type FunnelRow = { readonly day: IsoDate; readonly step: FunnelStep; readonly track: Track | null; readonly count: number };
export type FeedbackRow = { readonly track: Track; readonly helpful: boolean; readonly category: FeedbackCategory | null; readonly count: number };

/** Inclusive Vietnam calendar days; absent bounds mean "from the start" / "up to now". */
export type DayRange = { readonly from?: IsoDate; readonly to?: IsoDate };

export function funnelWrite(turn: Turn, step: FunnelStep, track: Track | null): Write {
  return { type: 'funnel', day: turn.today, step, track };
}

function checkTrack(step: Step): Track | undefined {
  if (step.flow === 'idvn') return 'id.vn';
  if (step.flow === 'bizvn') return 'biz.vn';
  return undefined;
}

/** At the first question of a check: id.vn's birth date, biz.vn's kind of business. */
function atFirstQuestion(step: Step): boolean {
  return (step.flow === 'idvn' && step.ask === 'birth') || (step.flow === 'bizvn' && step.ask === 'type');
}

function isStaffCommand(turn: Turn): boolean {
  return 'text' in turn.input && /^\/(?!start\b)\S/i.test(turn.input.text.trim());
}

/**
 * The funnel steps this turn reached, from the session before and after it
 * and the turn's writes (`result_shown` is written by showResult itself).
 */
export function funnelWrites(previous: Session | undefined, turn: Turn): Write[] {
  if (turn.session.assist !== undefined || previous?.assist !== undefined) return [];
  if (turn.input.from === turn.deps.data.handoff.staffChat) return [];
  const out: Write[] = [];
  if (previous === undefined && !isStaffCommand(turn)) out.push(funnelWrite(turn, 'started', null));
  const before = previous?.step ?? { flow: 'menu' };
  const after = turn.session.step;
  const shown = turn.writes.find((w) => w.type === 'funnel' && w.step === 'result_shown');
  const track = checkTrack(after) ?? (shown?.type === 'funnel' ? shown.track ?? undefined : undefined);
  if (track !== undefined) {
    const entered = checkTrack(before) !== track;
    if (entered) out.push(funnelWrite(turn, 'track_chosen', track));
    const movedOn = shown !== undefined || (checkTrack(after) === track && !atFirstQuestion(after));
    if ((entered || atFirstQuestion(before)) && movedOn) out.push(funnelWrite(turn, 'question_answered', track));
  }
  if (after.flow === 'domain' && before.flow !== 'domain') out.push(funnelWrite(turn, 'next_steps_opened', after.track));
  for (const w of turn.writes) {
    if (w.type === 'registration') out.push(funnelWrite(turn, 'registration_reported', w.track));
  }
  return out;
}

/** Assisted checks per track and outcome; `credited`: with the person's consent, credited to a helper. */
export type AssistedCount = { readonly track: Track; readonly outcome: Outcome; readonly count: number; readonly credited: number };

/** What stats and exports read (src/storage/sqlite-funnel-queries.ts). */
export interface AnalyticsQueries {
  funnel(range?: DayRange): MaybePromise<FunnelRow[]>;
  feedback(range?: DayRange): MaybePromise<FeedbackRow[]>;
  assisted(range?: DayRange): MaybePromise<AssistedCount[]>;
}
