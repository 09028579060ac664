/**
 * The conversation's language follows the person (issue #17): a message written in English
 * switches to English and says how to switch back; "Tiếng Việt" (or a message plainly in
 * Vietnamese) switches back. Vietnamese stays the default; a few English words do not switch.
 */
import { fold } from '../../choices.js';
import { isClearlyVietnamese } from '../../nlu/language.js';
import type { Understanding } from '../../nlu/types.js';
import { choice, isLocale, type Locale } from '../../message.js';
import { offer, say, write, type Turn } from '../../turn.js';
import { showMenu } from '../menu/menu.js';
import { LANGUAGE } from './ids.js';

const BACK_TO_VIETNAMESE = new Set(['tieng viet', 'vietnamese', 'viet', 'tv', 'noi tieng viet', 'tieng viet di', 'tieng viet nhe']);

function setTo(turn: Turn, locale: Locale): void {
  turn.session = { ...turn.session, locale };
  if (turn.session.consent === 'granted') write(turn, { type: 'person', patch: { locale } });
}

/** True when the message only asked to switch (it is answered); otherwise the turn goes on in the new language. */
export function switchLanguage(turn: Turn, text: string, u: Understanding): boolean {
  const { locale } = turn.session;
  if (locale === 'vi' && u.signals.english === true) {
    setTo(turn, 'en');
    say(turn, 'common.switched_to_en');
    return false;
  }
  if (locale !== 'en') return false;
  if (BACK_TO_VIETNAMESE.has(fold(text))) {
    setTo(turn, 'vi');
    say(turn, 'common.switched_to_vi');
    showMenu(turn);
    return true;
  }
  if (isClearlyVietnamese(text) && u.signals.english !== true) {
    setTo(turn, 'vi');
    say(turn, 'common.switched_to_vi');
  }
  return false;
}

/** /lang vi|en and the language buttons; anything else asks which one. */
export function setLocale(turn: Turn, value: string): void {
  const locale = value.toLowerCase();
  if (!isLocale(locale)) {
    offer(turn, 'common.lang_ask', [choice(LANGUAGE.vi, 'menu.lang_vi'), choice(LANGUAGE.en, 'menu.lang_en')]);
    return;
  }
  setTo(turn, locale);
  say(turn, 'common.lang_set');
  showMenu(turn);
}
