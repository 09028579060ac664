/** The biz.vn check (new enterprises, household businesses): the kind of business, its founding date or certificate. */
import type { Feature } from '../../feature.js';
import type { Turn } from '../../turn.js';
import { hasIdvnFacts } from '../idvn/idvn-check.js';
import { programClosed } from '../result/result.js';
import { answerBizvn, chooseBizvn } from './bizvn-check.js';
import { askCertificate, askEstablished, askType } from './bizvn-questions.js';
import { BIZVN } from './ids.js';

function reask(turn: Turn): void {
  const step = turn.session.step;
  if (step.flow !== 'bizvn' || step.ask === 'type') return askType(turn);
  if (step.ask === 'established') return askEstablished(turn);
  askCertificate(turn);
}

export const bizvn: Feature = {
  name: 'bizvn',
  choices: {
    ids: Object.values(BIZVN),
    on: (turn, id) => {
      if (id !== BIZVN.check) return chooseBizvn(turn, id);
      if (!programClosed(turn)) askType(turn);
      return true;
    },
  },
  steps: {
    flows: ['bizvn'],
    reask,
    answer: (turn, { understood: u }) => {
      // A bare date answers the pending establishment-date question; an age or a birth date
      // given while the business type is asked switches to the id.vn check.
      const step = turn.session.step;
      const datePending = step.flow === 'bizvn' && step.ask === 'established';
      if (u.intent === 'check_idvn' && (u.entities.age !== undefined || (!datePending && hasIdvnFacts(u)))) return false;
      return answerBizvn(turn, u);
    },
  },
};
