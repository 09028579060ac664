/**
 * Handoff to a person (issue #11): "Gặp cán bộ", the offer to forward a question to the staff
 * chat, and the staff's answers ("#H12 …", "/reply H12 …") relayed back. The runner delivers
 * both (handoff-relay.ts); on-duty hours and reply codes are in src/core/handoff.ts.
 */
import type { Feature } from '../../feature.js';
import { showMenu } from '../menu/menu.js';
import { answerHandoffStep, answerStaffReply, chooseHandoff } from './handoff.js';
import { HANDOFF } from './ids.js';

export const handoff: Feature = {
  name: 'handoff',
  choices: { ids: Object.values(HANDOFF), on: chooseHandoff },
  // Staff text to relay is read whole (never cut), before it could be taken for a command.
  beforeCommands: (turn, typed) => answerStaffReply(turn, typed.whole),
  steps: {
    flows: ['handoff'],
    // The question is not asked again: the person moved on, so it is dropped.
    reask: (turn) => showMenu(turn),
    answer: (turn, { text, understood }) => answerHandoffStep(turn, text, understood.signals.yesNo),
  },
};
