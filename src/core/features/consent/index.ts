/** The one consent question after the first result (consent.ts); moving on counts the check anonymously. */
import type { Feature } from '../../feature.js';
import type { Turn } from '../../turn.js';
import { hasIdvnFacts } from '../idvn/idvn-check.js';
import { RESULT } from '../result/ids.js';
import { askConsentAgain, declineConsent, grantConsent, leaveConsentUnanswered } from './consent.js';
import { CONSENT } from './ids.js';

/** Choices that answer while the question stays open: its own two, and "Vì sao? / Nguồn" about the result it follows. */
const KEEP_OPEN: readonly string[] = [CONSENT.yes, CONSENT.no, RESULT.why];

function answer(turn: Turn, yes: boolean): void {
  const { step } = turn.session;
  const pending = step.flow === 'consent' ? step.pending : undefined;
  if (yes) grantConsent(turn, pending);
  else declineConsent(turn, pending);
}

export const consent: Feature = {
  name: 'consent',
  choices: {
    ids: Object.values(CONSENT),
    on: (turn, id) => {
      answer(turn, id === CONSENT.yes);
      return true;
    },
  },
  beforeChoice: (turn, id) => {
    if (!KEEP_OPEN.includes(id)) leaveConsentUnanswered(turn);
  },
  steps: {
    flows: ['consent'],
    reask: askConsentAgain,
    // "có" / "không"; a yes that also gives an age or a birth date is a new check, not an answer.
    answer: (turn, { understood }) => {
      const { yesNo } = understood.signals;
      if (yesNo !== undefined && !hasIdvnFacts(understood)) {
        answer(turn, yesNo);
        return true;
      }
      leaveConsentUnanswered(turn);
      return false;
    },
  },
};
