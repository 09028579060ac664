/**
 * The last stage: a message no step and no other feature took is answered by what it was
 * understood to mean (intents.ts): a check, a question, a person, or "which of these did you mean?".
 */
import type { Feature } from '../../feature.js';
import { answerIntent } from './intents.js';

export const intents: Feature = {
  name: 'intents',
  freeText: (turn, { understood }) => {
    answerIntent(turn, understood);
    return true;
  },
};
