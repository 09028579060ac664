/** Asks again whatever the current step is waiting for. */
import type { Turn } from '../turn.js';
import { askCertificate, askEstablished, askType } from './bizvn-check.js';
import { askConsentAgain } from './consent.js';
import { askBirth } from './idvn-check.js';
import { showMenu } from './menu.js';
import { askForget } from './privacy.js';

export function reprompt(turn: Turn): void {
  const current = turn.session.step;
  switch (current.flow) {
    case 'idvn':
      return askBirth(turn);
    case 'bizvn':
      if (current.ask === 'type') return askType(turn);
      return current.ask === 'established' ? askEstablished(turn) : askCertificate(turn);
    case 'consent':
      return askConsentAgain(turn);
    case 'forget':
      return askForget(turn);
    case 'menu':
      return showMenu(turn);
  }
}
