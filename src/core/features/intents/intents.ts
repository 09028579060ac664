/**
 * What to do with a recognised intent: start a check (skipping the questions
 * the message already answers), answer a question, or ask which one was meant.
 */
import { faqChoice } from '../faq/ids.js';
import { IDVN } from '../idvn/ids.js';
import { BIZVN } from '../bizvn/ids.js';
import { MENU } from '../menu/ids.js';
import { choice, type Choice } from '../../message.js';
import type { Intent, Understanding } from '../../nlu/types.js';
import { offer, say, type Turn } from '../../turn.js';
import { startBizvn } from '../bizvn/bizvn-check.js';
import { answerFaq, isFaq } from '../faq/faq.js';
import { startIdvn } from '../idvn/idvn-check.js';
import { mainChoices, showMenu, showWelcome } from '../menu/menu.js';
import { showPrivacy } from '../privacy/privacy.js';
import { programClosed } from '../result/result.js';
import { reprompt } from '../shared/reprompt.js';
import { CLARIFY_BELOW, HARMLESS_BELOW } from '../shared/confidence.js';
import { contactCard } from '../shared/contact.js';
import { answerStaffIntent } from '../staff/staff-commands.js';
import { askForPerson, offerHandoffAfterMisses } from '../handoff/handoff.js';


function choiceFor(intent: Intent): Choice | undefined {
  if (intent === 'check_idvn') return choice(IDVN.check, 'menu.check_idvn');
  if (intent === 'check_bizvn') return choice(BIZVN.check, 'menu.check_bizvn');
  if (isFaq(intent) || intent === 'privacy') return faqChoice(intent);
  return undefined;
}

function notUnderstood(turn: Turn, u: Understanding): void {
  const misses = turn.session.misses + 1;
  turn.session = { ...turn.session, misses };
  const likely = [u.intent, ...u.alternatives].flatMap((i) => choiceFor(i) ?? []).slice(0, 3);
  // Twice in a row: with staff on duty, offer to forward the question to them (handoff.ts).
  if (misses >= 2 && offerHandoffAfterMisses(turn)) return;
  if (misses >= 2) {
    say(turn, 'common.not_understood_twice', { team: turn.deps.data.contacts.team, contacts: contactCard(turn.deps.data) });
  }
  if (turn.session.step.flow !== 'menu') {
    say(turn, 'common.not_understood_in_flow');
    return reprompt(turn);
  }
  if (likely.length > 0) return offer(turn, 'common.clarify', [...likely, choice(MENU.main, 'menu.main')]);
  offer(turn, 'common.not_understood', mainChoices());
}

/**
 * In this order: a person asked for; a check to start (or the program is closed); a staff
 * shortcut; not understood; then a sure answer (a greeting, privacy, a person, an FAQ).
 */
export function answerIntent(turn: Turn, u: Understanding): void {
  // A greeting or a thank-you is harmless to answer even when the classifier is unsure
  // ("chào ad" also looks a little like asking for the admin).
  const harmless = u.intent === 'greeting' || u.intent === 'thanks_bye';
  const sure = u.confidence >= (harmless ? HARMLESS_BELOW : CLARIFY_BELOW);
  if (u.signals.wantsPerson !== undefined && u.intent !== 'check_idvn' && u.intent !== 'check_bizvn') return answerPerson(turn, u);
  if (startCheck(turn, u, sure)) return;
  if (sure && answerStaffIntent(turn, u)) return;
  if (!sure || u.intent === 'out_of_scope' || u.intent === 'staff_stats') {
    if (u.intent === 'out_of_scope' && sure && turn.session.step.flow === 'menu') {
      turn.session = { ...turn.session, misses: 0 };
      return offer(turn, 'common.out_of_scope', mainChoices());
    }
    return notUnderstood(turn, u);
  }
  turn.session = { ...turn.session, misses: 0 };
  answerSure(turn, u);
}

/** A check the message asks for (skipping the questions it already answers); true when handled, the program closed included. */
function startCheck(turn: Turn, u: Understanding, sure: boolean): boolean {
  if ((u.intent === 'check_idvn' || u.intent === 'check_bizvn') && sure && programClosed(turn)) return true;
  // "62 tuổi, quán nước không có giấy phép, làm biz.vn được không": the business facts decide, not the age.
  if (u.intent === 'check_idvn' && sure && isAboutBusiness(u)) startBizvn(turn, u);
  // "tuần sau em tròn 24 …", "Việt kiều …", "người Hàn Quốc …": facts only the id.vn check uses.
  else if (u.intent !== 'check_bizvn' && (u.signals.turning !== undefined || u.signals.overseas === true || u.signals.foreigner === true)) {
    if (!programClosed(turn)) startIdvn(turn, u);
  } else if (u.intent === 'check_idvn' && sure) startIdvn(turn, u);
  else if (u.intent === 'check_bizvn' && sure) startBizvn(turn, u);
  else return false;
  return true;
}

/** A sure intent that is not a check: at a step, the answer is followed by the step's question again. */
function answerSure(turn: Turn, u: Understanding): void {
  const inFlow = turn.session.step.flow !== 'menu';
  if (u.intent === 'greeting') return inFlow ? reprompt(turn) : showWelcome(turn);
  if (u.intent === 'thanks_bye') {
    say(turn, 'common.bye');
    if (inFlow) reprompt(turn);
    return;
  }
  if (u.intent === 'privacy') return showPrivacy(turn);
  if (u.intent === 'human' && askForPerson(turn, false)) return;
  if (isFaq(u.intent)) {
    answerFaq(turn, u.intent, inFlow);
    if (inFlow) {
      say(turn, 'common.back_to_question');
      reprompt(turn);
    }
    return;
  }
  showMenu(turn);
}

/** Business facts and no birth date: the id.vn age is not what the person asks about. */
function isAboutBusiness(u: Understanding): boolean {
  const { entities: e, signals: s } = u;
  if (e.birthDate !== undefined || s.foreigner === true) return false;
  return s.hasCertificate !== undefined || e.businessType !== undefined || s.dependentUnit === true || s.foundedPartly !== undefined;
}

/** Someone who wants a person or to complain: the handoff (staff on duty) or the contacts, at once. */
function answerPerson(turn: Turn, u: Understanding): void {
  turn.session = { ...turn.session, misses: 0 };
  if (u.signals.wantsPerson === 'complaint') say(turn, 'common.complaint');
  if (askForPerson(turn, false)) return;
  answerFaq(turn, 'human', turn.session.step.flow !== 'menu');
  if (turn.session.step.flow !== 'menu') reprompt(turn);
}
