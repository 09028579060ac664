/** Assisted mode (issue #11): a helper checks for someone sitting with them ("/hotro"). */
import type { Feature } from '../../feature.js';
import { answerAssistedStep, chooseAssisted, repromptAssisted, runAssistCommand, settleAssisted } from './assisted.js';
import { ASSIST } from './ids.js';

export const assisted: Feature = {
  name: 'assisted',
  choices: { ids: Object.values(ASSIST), on: chooseAssisted },
  commands: { names: ['hotro', 'assist'], run: (turn, { text }) => runAssistCommand(turn, text) },
  steps: { flows: ['assisted'], reask: repromptAssisted, answer: (turn, { understood }) => answerAssistedStep(turn, understood) },
  afterTurn: settleAssisted,
};
