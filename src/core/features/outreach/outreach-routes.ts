/**
 * Where the engine hands over to the domain helper, follow-ups and
 * registrations: choices, the answer to one of their questions, and free text
 * that mentions a domain, a suggestion request or a registration.
 */
import { isStopRequest } from '../../domain-name/index.js';
import type { Understanding } from '../../nlu/types.js';
import type { Turn } from '../../turn.js';
import { answerDomainStep, answerDomainText, askName } from './domain-helper.js';
import { answerFollowup, answerFollowupStep, stopFollowups } from './followup.js';
import { O, trackOfChoice } from './outreach-choices.js';
import { answerRegisteredStep, chooseRegistered, claimRegistration } from './registration.js';
import { onRenewalChoice, onRenewalText } from '../renewal/renewal-flow.js';

export { runOutreachCommand } from './outreach-commands.js';

export function onOutreachChoice(turn: Turn, id: string): boolean {
  const track = trackOfChoice(id, O.suggestIdvn, O.suggestBizvn);
  if (track !== undefined) {
    askName(turn, track);
    return true;
  }
  if (id === O.remindYes || id === O.remindNews || id === O.remindNo) {
    answerFollowup(turn, id === O.remindYes ? 'yes' : id === O.remindNews ? 'news' : 'no');
    return true;
  }
  return chooseRegistered(turn, id) || onRenewalChoice(turn, id);
}

/** Before the other flows: "dừng" anywhere, and the answers to this module's own questions. */
export function onOutreachStep(turn: Turn, text: string, u: Understanding): boolean {
  if (isStopRequest(text)) {
    stopFollowups(turn);
    return true;
  }
  if (onRenewalText(turn, text, u)) return true;
  switch (turn.session.step.flow) {
    case 'domain':
      return answerDomainStep(turn, text, u);
    case 'followup':
      return answerFollowupStep(turn, u.signals.yesNo);
    case 'registered':
      return answerRegisteredStep(turn, text, u);
    default:
      return false;
  }
}

/** After the check flows passed: a registration claim, a suggestion request or a typed domain. */
export function onOutreachText(turn: Turn, text: string): boolean {
  return claimRegistration(turn, text) || answerDomainText(turn, text);
}
