/**
 * Several questions in one message (issue #17): "hết 2 năm thì sao, với lại có đổi tên miền
 * được không" is split into clauses (on "?", ",", ";", "với lại", "và", "còn", "thêm nữa"…),
 * each is understood on its own, and each question it recognises is answered in order (three
 * at most). Only when at least two different questions are found: anything else is one question.
 */
import type { Intent, Understanding } from '../../nlu/types.js';
import { say, type Turn } from '../../turn.js';
import { answerFaq, isFaq } from './faq.js';
import { CLARIFY_BELOW } from '../shared/confidence.js';
import { showMenu } from '../menu/menu.js';

export const MAX_ANSWERS = 3;

const SPLIT =
  /[?!;\n]+|[,.](?=\s)|(?<=^|\s)(?:với lại|voi lai|vs lại|vs lai|và|thêm nữa|them nua|ngoài ra|ngoai ra|còn nữa|con nua|còn|hay là|rồi thì|and also|also|and)(?=\s|$)/giu;

/** The clauses of a message, in order, without empty ones. */
export function clauses(text: string): string[] {
  return text.split(SPLIT).map((part) => part.trim()).filter((part) => part.length >= 3);
}

const ANSWERABLE = (intent: Intent): boolean => isFaq(intent) || intent === 'privacy';

export function answerSeveral(turn: Turn, text: string, whole: Understanding): boolean {
  if (turn.session.step.flow !== 'menu') return false;
  if ((whole.intent === 'check_idvn' || whole.intent === 'check_bizvn') && whole.confidence >= CLARIFY_BELOW) return false;
  // Someone who asks for a person gets the handoff with their whole question (features/handoff/).
  if (whole.intent === 'human' || whole.signals.wantsPerson !== undefined) return false;
  const parts = clauses(text);
  if (parts.length < 2) return false;
  const found: Intent[] = [];
  for (const part of parts) {
    const u = turn.deps.understand(part, turn.today);
    if (u.intent === 'human' || u.signals.wantsPerson !== undefined) return false;
    if (u.confidence < CLARIFY_BELOW || !ANSWERABLE(u.intent) || found.includes(u.intent)) continue;
    found.push(u.intent);
  }
  if (found.length < 2) return false;
  turn.session = { ...turn.session, misses: 0 };
  say(turn, 'common.several_intro', { n: Math.min(found.length, MAX_ANSWERS) });
  for (const intent of found.slice(0, MAX_ANSWERS)) {
    if (intent === 'privacy') say(turn, 'privacy.summary', { days: turn.deps.retentionDays });
    else answerFaq(turn, intent, true);
  }
  showMenu(turn, 'result.what_next');
  return true;
}
