/** "Thông tin có hữu ích không?" (issue #11): 👍/👎 after a result, then an optional comment kept as a category. */
import type { Feature } from '../../feature.js';
import { answerFeedbackStep, askCommentAgain, chooseFeedback, keepFeedback, scheduleFeedback } from './feedback.js';
import { FEEDBACK } from './ids.js';

export const feedback: Feature = {
  name: 'feedback',
  choices: { ids: Object.values(FEEDBACK), on: chooseFeedback },
  steps: { flows: ['feedback'], reask: askCommentAgain, answer: (turn, { text, understood }) => answerFeedbackStep(turn, text, understood) },
  afterTurn: (previous, turn) => {
    keepFeedback(previous, turn);
    scheduleFeedback(previous, turn);
  },
};
