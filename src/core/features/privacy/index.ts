/** The person's rights on every channel: /privacy, /mydata, /deletedata, /withdraw (typed or as buttons). */
import { parseCommand, type Feature } from '../../feature.js';
import type { Turn } from '../../turn.js';
import { PRIVACY } from './ids.js';
import { askForget, askWithdraw, asksToWithdraw, forget, keepData, showMyData, showPrivacy } from './privacy.js';

function choose(turn: Turn, id: string): boolean {
  if (id === PRIVACY.myData) showMyData(turn);
  else if (id === PRIVACY.deleteData) askForget(turn);
  else if (id === PRIVACY.withdraw) askWithdraw(turn);
  else if (id === PRIVACY.forgetYes) forget(turn);
  else if (id === PRIVACY.forgetNo) keepData(turn);
  else return false;
  return true;
}

function run(turn: Turn, raw: string): boolean {
  const name = parseCommand(raw)?.name;
  if (name === 'privacy') showPrivacy(turn);
  else if (name === 'mydata') showMyData(turn);
  else if (name === 'deletedata') askForget(turn);
  else if (name === 'withdraw') askWithdraw(turn);
  else return false;
  return true;
}

export const privacy: Feature = {
  name: 'privacy',
  choices: { ids: Object.values(PRIVACY), on: choose },
  commands: { names: ['privacy', 'mydata', 'deletedata', 'withdraw'], run: (turn, { text }) => run(turn, text) },
  beforeUnderstanding: (turn, { text }) => {
    if (!asksToWithdraw(text)) return false;
    askWithdraw(turn);
    return true;
  },
  steps: {
    flows: ['forget'],
    reask: askForget,
    answer: (turn, { understood }) => {
      const { yesNo } = understood.signals;
      if (yesNo === undefined) return false;
      if (yesNo) forget(turn);
      else keepData(turn);
      return true;
    },
  },
};
