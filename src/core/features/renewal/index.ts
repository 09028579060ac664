/**
 * Keeping the domain after the free years (issue #22): reminders offered after a registration,
 * "hết hạn miễn phí khi nào", "đã gia hạn". Dates, detection and reports are in src/core/renewal/.
 */
import type { Feature } from '../../feature.js';
import { showMenu } from '../menu/menu.js';
import { RENEWAL } from './ids.js';
import { onRenewalChoice, onRenewalText } from './renewal-flow.js';

export const renewal: Feature = {
  name: 'renewal',
  choices: { ids: Object.values(RENEWAL), on: onRenewalChoice },
  // The renewal questions and claims whatever the step, then the answer to this feature's own question.
  anyStep: (turn, { text, understood }) => onRenewalText(turn, text, understood),
  steps: { flows: ['renewal'], reask: (turn) => showMenu(turn) },
};
