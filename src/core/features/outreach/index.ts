/**
 * From "eligible" to "registered" (issue #9): the domain-name helper, the one follow-up
 * question, registrations ("đã đăng ký …"), "dừng" / /stop, /news, /registered and the
 * admins' /broadcast. The runner answers availability and broadcasts (outreach-requests.ts).
 */
import { isStopRequest } from '../../domain-name/index.js';
import type { Feature } from '../../feature.js';
import type { Turn } from '../../turn.js';
import { showMenu } from '../menu/menu.js';
import { answerDomainStep, answerDomainText, askName } from './domain-helper.js';
import { answerFollowup, answerFollowupStep, askFollowup, stopFollowups } from './followup.js';
import { OUTREACH, trackOfChoice } from './ids.js';
import { runOutreachCommand } from './outreach-commands.js';
import { answerRegisteredStep, chooseRegistered, claimRegistration } from './registration.js';

function choose(turn: Turn, id: string): boolean {
  const track = trackOfChoice(id, OUTREACH.suggestIdvn, OUTREACH.suggestBizvn);
  if (track !== undefined) {
    askName(turn, track);
    return true;
  }
  if (id === OUTREACH.remindYes || id === OUTREACH.remindNews || id === OUTREACH.remindNo) {
    answerFollowup(turn, id === OUTREACH.remindYes ? 'yes' : id === OUTREACH.remindNews ? 'news' : 'no');
    return true;
  }
  return chooseRegistered(turn, id);
}

function reask(turn: Turn): void {
  const step = turn.session.step;
  if (step.flow === 'domain') return askName(turn, step.track);
  if (step.flow === 'followup') return askFollowup(turn, step.track, step.deadline);
  showMenu(turn);
}

export const outreach: Feature = {
  name: 'outreach',
  choices: { ids: Object.values(OUTREACH), on: choose },
  // Broadcast texts are read whole, never cut.
  commands: { names: ['stop', 'news', 'registered', 'broadcast'], run: (turn, { whole }) => runOutreachCommand(turn, whole) },
  // "dừng" stops the follow-ups whatever the step.
  anyStep: (turn, { text }) => {
    if (!isStopRequest(text)) return false;
    stopFollowups(turn);
    return true;
  },
  steps: {
    flows: ['domain', 'followup', 'registered'],
    reask,
    answer: (turn, { text, understood }) => {
      switch (turn.session.step.flow) {
        case 'domain':
          return answerDomainStep(turn, text, understood);
        case 'followup':
          return answerFollowupStep(turn, understood.signals.yesNo);
        default:
          return answerRegisteredStep(turn, text, understood);
      }
    },
  },
  // A registration claim, a suggestion request or a typed domain.
  freeText: (turn, { text }) => claimRegistration(turn, text) || answerDomainText(turn, text),
};
