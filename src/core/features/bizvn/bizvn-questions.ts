/** The biz.vn check's three questions: the kind of business, the founding date, the certificate. */
import { choice } from '../../message.js';
import { offer, type Turn } from '../../turn.js';
import { MENU } from '../menu/ids.js';
import { BIZVN } from './ids.js';

export function askType(turn: Turn): void {
  turn.session = { ...turn.session, step: { flow: 'bizvn', ask: 'type' } };
  offer(turn, 'bizvn.ask_type', [
    choice(BIZVN.enterprise, 'bizvn.type_enterprise'),
    choice(BIZVN.household, 'bizvn.type_household'),
    choice(BIZVN.branch, 'bizvn.type_branch'),
    choice(BIZVN.unregistered, 'bizvn.type_none'),
    choice(MENU.main, 'menu.main'),
  ]);
}

export function askEstablished(turn: Turn, key = 'bizvn.ask_established', params?: Record<string, string>): void {
  turn.session = { ...turn.session, step: { flow: 'bizvn', ask: 'established', businessType: 'enterprise' } };
  offer(turn, key, [choice(BIZVN.branch, 'bizvn.type_branch'), choice(MENU.main, 'menu.main')], params);
}

export function askCertificate(turn: Turn): void {
  turn.session = { ...turn.session, step: { flow: 'bizvn', ask: 'certificate', businessType: 'household' } };
  offer(turn, 'bizvn.ask_certificate', [choice(BIZVN.certYes, 'bizvn.cert_yes'), choice(BIZVN.certNo, 'bizvn.cert_no'), choice(MENU.main, 'menu.main')]);
}
