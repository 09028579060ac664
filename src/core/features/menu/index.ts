/** The main menu and "Xem thêm", /start, /menu, /help, and the answer to unknown commands. */
import type { Feature } from '../../feature.js';
import { runCommand } from './commands.js';
import { MENU } from './ids.js';
import { showMenu, showMore } from './menu.js';

export const menu: Feature = {
  name: 'menu',
  choices: {
    ids: Object.values(MENU),
    on: (turn, id) => {
      if (id === MENU.more) showMore(turn);
      else showMenu(turn);
      return true;
    },
  },
  commands: { names: ['start', 'menu', 'help'], others: true, run: (turn, { text }) => runCommand(turn, text) },
  steps: { flows: ['menu'], reask: (turn) => showMenu(turn) },
  // A first message that only brings a referral code ("ma GT: …") is welcomed with the menu.
  freeText: (turn, { understood: u, isNew }) => {
    if (!isNew || u.signals.referralCode === undefined || u.intent === 'check_idvn' || u.intent === 'check_bizvn') return false;
    showMenu(turn, 'common.welcome');
    return true;
  },
};
