/** Asks again whatever the current step is waiting for. */
import type { Turn } from '../../turn.js';
import { askCertificate, askEstablished, askType } from '../bizvn/bizvn-check.js';
import { askConsentAgain } from '../consent/consent.js';
import { askBirth, askCitizenship } from '../idvn/idvn-check.js';
import { showMenu } from '../menu/menu.js';
import { askName } from '../outreach/domain-helper.js';
import { askFollowup } from '../outreach/followup.js';
import { askForget } from '../privacy/privacy.js';
import { repromptAssisted } from '../assisted/assisted.js';
import { askCommentAgain } from '../feedback/feedback.js';

export function reprompt(turn: Turn): void {
  const current = turn.session.step;
  switch (current.flow) {
    case 'idvn':
      return current.ask === 'citizenship' ? askCitizenship(turn, current.ifCitizen) : askBirth(turn);
    case 'bizvn':
      if (current.ask === 'type') return askType(turn);
      return current.ask === 'established' ? askEstablished(turn) : askCertificate(turn);
    case 'consent':
      return askConsentAgain(turn);
    case 'forget':
      return askForget(turn);
    case 'menu':
      return showMenu(turn);
    case 'domain':
      return askName(turn, current.track);
    case 'followup':
      return askFollowup(turn, current.track, current.deadline);
    case 'registered':
      return showMenu(turn);
    case 'assisted':
      return repromptAssisted(turn);
    case 'handoff':
      // The question is not asked again: the person moved on, so it is dropped.
      return showMenu(turn);
    case 'feedback':
      return askCommentAgain(turn, current.track, current.helpful);
    case 'renewal':
      return showMenu(turn);
  }
}
