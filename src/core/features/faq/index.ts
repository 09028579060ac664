/** Questions answered by one text (`faq.<intent>`, from the menu or typed), and several questions in one message. */
import type { Feature } from '../../feature.js';
import { showPrivacy } from '../privacy/privacy.js';
import { answerFaq, FAQ_INTENTS, isFaq } from './faq.js';
import { FAQ_PREFIX } from './ids.js';
import { answerSeveral } from './several.js';

/** The menu's "Quyền riêng tư" button is offered as `faq:privacy`; "Gặp cán bộ" (`faq:human`) belongs to the handoff feature. */
const IDS = [...FAQ_INTENTS.filter((intent) => intent !== 'human'), 'privacy'].map((intent) => `${FAQ_PREFIX}${intent}`);

export const faq: Feature = {
  name: 'faq',
  choices: {
    ids: IDS,
    on: (turn, id) => {
      const intent = id.slice(FAQ_PREFIX.length);
      if (isFaq(intent)) answerFaq(turn, intent, false);
      else showPrivacy(turn);
      return true;
    },
  },
  freeText: (turn, { text, understood }) => answerSeveral(turn, text, understood),
};
