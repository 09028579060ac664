/** The id.vn check (young citizens 18–23): the birth date or age, citizenship when it matters, then the result. */
import type { Feature } from '../../feature.js';
import type { Turn } from '../../turn.js';
import { readPerson } from '../address/address.js';
import { programClosed } from '../result/result.js';
import { answerIdvn, askBirth, askCitizenship, chooseIdvn } from './idvn-check.js';
import { IDVN } from './ids.js';

function reask(turn: Turn): void {
  const step = turn.session.step;
  if (step.flow === 'idvn' && step.ask === 'citizenship') askCitizenship(turn, step.ifCitizen);
  else askBirth(turn);
}

export const idvn: Feature = {
  name: 'idvn',
  choices: {
    ids: Object.values(IDVN),
    on: (turn, id) => {
      if (id !== IDVN.check) return chooseIdvn(turn, id);
      if (!programClosed(turn)) askBirth(turn);
      return true;
    },
  },
  steps: {
    flows: ['idvn'],
    reask,
    answer: (turn, { understood: u }) => {
      // Business facts while the birth date is asked: the biz.vn check, through the intents.
      if (u.intent === 'check_bizvn' && (u.entities.businessType || u.entities.establishedDate)) return false;
      return answerIdvn(turn, u);
    },
  },
  // "bác hỏi cho cháu": a question for a grandchild or child is about id.vn; ask for their age.
  freeText: (turn, { text, understood }) => {
    if (understood.intent !== 'out_of_scope' || turn.session.step.flow !== 'menu' || readPerson(text).subject === undefined) return false;
    askBirth(turn);
    return true;
  },
};
