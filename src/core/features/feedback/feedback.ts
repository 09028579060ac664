/**
 * "Thông tin có hữu ích không?" (issue #11): asked once after a recorded
 * result, with the menu that follows it (👍 / 👎 at the end of its choices,
 * so skipping is just choosing anything else). After 👍/👎 an optional
 * comment: its words are never kept, only a category (buttons, or a typed
 * comment sorted by keywords). Stored with the track, no address.
 */
import { FEEDBACK } from './ids.js';
import { fold } from '../../choices.js';
import type { Track } from '../../eligibility/types.js';
import type { FeedbackCategory } from '../../funnel.js';
import { choice, text, type Choice, type Reply } from '../../message.js';
import type { Understanding } from '../../nlu/types.js';
import type { Session } from '../../session.js';
import { offer, say, write, type Turn } from '../../turn.js';
import { showMenu } from '../menu/menu.js';

const CATEGORY_OF_CHOICE: Readonly<Record<string, FeedbackCategory>> = {
  [FEEDBACK.unclear]: 'unclear',
  [FEEDBACK.missing]: 'missing_info',
  [FEEDBACK.notMine]: 'not_my_case',
};

/** Folded keywords of a typed comment, checked in order; anything else is "other". */
const KEYWORDS: readonly (readonly [FeedbackCategory, RegExp])[] = [
  ['unclear', /\b(kho hieu|khong hieu|chua hieu|roi|phuc tap|dai qua|confus\w*|unclear|hard to understand)\b/],
  ['missing_info', /\b(thieu|chua du|them thong tin|khong co thong tin|missing|more info\w*|not enough)\b/],
  ['not_my_case', /\b(khong dung|sai|truong hop|khong ap dung|not my|wrong|doesn t apply)\b/],
];

export function categoryOf(comment: string): FeedbackCategory {
  const folded = fold(comment);
  return KEYWORDS.find(([, pattern]) => pattern.test(folded))?.[0] ?? 'other';
}

/** Adds 👍/👎 to the turn's closing menu (its last offer); false when the turn does not end at the menu. */
function addFeedbackQuestion(turn: Turn): boolean {
  const at = turn.replies.length - 1;
  const last = turn.replies[at];
  if (turn.session.step.flow !== 'menu' || last?.choices === undefined || last.choices.length === 0) return false;
  const choices: Choice[] = [...last.choices, choice(FEEDBACK.up, 'feedback.up'), choice(FEEDBACK.down, 'feedback.down')];
  const question: Reply = { text: text('feedback.ask') };
  turn.replies.splice(at, 1, question, { ...last, choices });
  turn.session = { ...turn.session, offered: choices };
  return true;
}

/** While the follow-up question (or the commune question) runs, the question waits for the menu after it. */
const WAITING: readonly string[] = ['followup'];

/**
 * After every turn: a result recorded now (consent known, not assisted), or
 * one still waiting, gets the question at the closing menu — once. The 👍/👎
 * stay answerable for the next turn only.
 */
export function scheduleFeedback(previous: Session | undefined, turn: Turn): void {
  const recorded = turn.writes.find((w) => w.type === 'check' && w.assisted !== true);
  const fresh = recorded?.type === 'check' && turn.session.consent !== null ? recorded.track : undefined;
  const waiting = previous?.feedback?.asked === false ? previous.feedback.track : undefined;
  const track = fresh ?? waiting;
  let next: Session['feedback'];
  if (track !== undefined && turn.session.assist === undefined) {
    // One question at a time: an open commune question goes first.
    const waits = WAITING.includes(turn.session.step.flow) || turn.session.localityOpen === true;
    if (waits) next = { track, asked: false };
    else if (addFeedbackQuestion(turn)) next = { track, asked: true };
  }
  turn.session = { ...turn.session, feedback: next };
  if (next === undefined) delete turn.session.feedback;
}

function record(turn: Turn, track: Track, helpful: boolean, category: FeedbackCategory | null): void {
  write(turn, { type: 'feedback', track, helpful, category });
}

function askComment(turn: Turn, track: Track, helpful: boolean): void {
  turn.session = { ...turn.session, step: { flow: 'feedback', track, helpful } };
  offer(turn, helpful ? 'feedback.thanks_up' : 'feedback.thanks_down', [
    choice(FEEDBACK.unclear, 'feedback.cat_unclear'),
    choice(FEEDBACK.missing, 'feedback.cat_missing'),
    choice(FEEDBACK.notMine, 'feedback.cat_not_mine'),
    choice(FEEDBACK.skip, 'feedback.skip'),
  ]);
}

function finish(turn: Turn, track: Track, helpful: boolean, category: FeedbackCategory | null): void {
  record(turn, track, helpful, category);
  say(turn, 'feedback.thanks');
  showMenu(turn);
}

/** 👍 / 👎 / a category button; false for other choice ids. */
export function chooseFeedback(turn: Turn, id: string): boolean {
  const { session } = turn;
  if (id === FEEDBACK.up || id === FEEDBACK.down) {
    if (session.feedback?.asked !== true) {
      say(turn, 'common.expired_choice');
      showMenu(turn);
      return true;
    }
    askComment(turn, session.feedback.track, id === FEEDBACK.up);
    return true;
  }
  if (id !== FEEDBACK.skip && CATEGORY_OF_CHOICE[id] === undefined) return false;
  const step = session.step;
  if (step.flow !== 'feedback') {
    say(turn, 'common.expired_choice');
    showMenu(turn);
    return true;
  }
  finish(turn, step.track, step.helpful, CATEGORY_OF_CHOICE[id] ?? null);
  return true;
}

/**
 * A typed comment at the comment step: only its category is kept. When the
 * words are also a question the bot knows (a check, an FAQ), the category is
 * kept if the words name one, and the question is answered: false, so the
 * engine routes the text as usual.
 */
export function answerFeedbackStep(turn: Turn, typed: string, u: Understanding): boolean {
  const step = turn.session.step;
  if (step.flow !== 'feedback') return false;
  const category = categoryOf(typed);
  const known = u.confidence >= 0.6 && u.intent !== 'out_of_scope' && u.intent !== 'thanks_bye' && u.intent !== 'greeting';
  if (!known) {
    finish(turn, step.track, step.helpful, category);
    return true;
  }
  record(turn, step.track, step.helpful, category === 'other' ? null : category);
  say(turn, 'feedback.thanks');
  turn.session = { ...turn.session, step: { flow: 'menu' } };
  return false;
}

/** The person left the comment step without answering: keep the 👍/👎 alone. */
export function keepFeedback(previous: Session | undefined, turn: Turn): void {
  const step = previous?.step;
  if (step?.flow !== 'feedback' || turn.writes.some((w) => w.type === 'feedback')) return;
  if (turn.session.step.flow === 'feedback') return;
  record(turn, step.track, step.helpful, null);
}

/** Asks for the optional comment again (the step's `reask`). */
export function askCommentAgain(turn: Turn): void {
  const step = turn.session.step;
  if (step.flow === 'feedback') askComment(turn, step.track, step.helpful);
}
