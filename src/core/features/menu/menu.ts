import { faqChoice } from '../faq/ids.js';
import { IDVN } from '../idvn/ids.js';
import { BIZVN } from '../bizvn/ids.js';
import { MENU } from './ids.js';
import { choice, type Choice } from '../../message.js';
import { offer, type Turn } from '../../turn.js';

export function mainChoices(): Choice[] {
  return [
    choice(IDVN.check, 'menu.check_idvn'),
    choice(BIZVN.check, 'menu.check_bizvn'),
    faqChoice('free_what'),
    faqChoice('how_register'),
    choice(MENU.more, 'menu.more'),
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
    choice(MENU.main, 'menu.main'),
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
