import { choice, type Choice } from '../../message.js';

/** FAQ answers are offered as `faq:<intent>` (`faq:human` belongs to the handoff feature). */
export const FAQ_PREFIX = 'faq:';

export function faqChoice(intent: string): Choice {
  return choice(`${FAQ_PREFIX}${intent}`, `menu.${intent}`);
}
