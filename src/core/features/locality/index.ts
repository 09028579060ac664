/** "Bạn ở phường/xã nào?", asked once after consent; the next typed message may answer it, any button closes it. */
import type { Feature } from '../../feature.js';
import { answerLocality, chooseLocality, closeLocality, LOCALITY_PREFIX } from './locality.js';

export const locality: Feature = {
  name: 'locality',
  choices: { ids: [], prefixes: [LOCALITY_PREFIX], on: chooseLocality },
  beforeChoice: (turn) => closeLocality(turn),
  anyStep: (turn, { text, understood }) => answerLocality(turn, text, understood),
};
