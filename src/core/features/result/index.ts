/**
 * The result of a check (result.ts, shown by the idvn and bizvn features): "Vì sao? / Nguồn",
 * questions about it ("còn mấy ngày", the 29 February rule), and the last result kept a few turns only.
 */
import type { Feature } from '../../feature.js';
import { RESULT } from './ids.js';
import { ageLastResult, answerResultQuestion } from './result-questions.js';
import { showWhy } from './result.js';

export const result: Feature = {
  name: 'result',
  choices: {
    ids: Object.values(RESULT),
    on: (turn) => {
      showWhy(turn);
      return true;
    },
  },
  anyStep: (turn, { understood }) => answerResultQuestion(turn, understood),
  afterTurn: ageLastResult,
};
