import { C, faqChoice } from '../../choices.js';
import { choice, type Choice } from '../../message.js';
import { offer, type Turn } from '../../turn.js';

export function mainChoices(): Choice[] {
  return [
    choice(C.checkIdvn, 'menu.check_idvn'),
    choice(C.checkBizvn, 'menu.check_bizvn'),
    faqChoice('free_what'),
    faqChoice('how_register'),
    choice(C.more, 'menu.more'),
  ];
}

export function moreChoices(): Choice[] {
  return [
    faqChoice('about_program'),
    faqChoice('idvn_info'),
    faqChoice('bizvn_info'),
    faqChoice('after_free'),
    faqChoice('documents'),
    faqChoice('domain_name'),
    faqChoice('benefits'),
    faqChoice('support_contact'),
    faqChoice('privacy'),
    choice(C.menu, 'menu.main'),
  ];
}

/** Back to the main menu; `key` says why (welcome, a prompt, after a result). */
export function showMenu(turn: Turn, key = 'common.menu_prompt'): void {
  turn.session = { ...turn.session, step: { flow: 'menu' } };
  offer(turn, key, mainChoices());
}

export function showMore(turn: Turn): void {
  turn.session = { ...turn.session, step: { flow: 'menu' } };
  offer(turn, 'common.more_prompt', moreChoices());
}

export function showWelcome(turn: Turn): void {
  showMenu(turn, 'common.welcome');
}
