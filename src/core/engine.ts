/**
 * The conversation engine: a pure, synchronous `step(session, input, deps, context)`
 * → new session, replies and the writes to make. No I/O, no platform types;
 * what storage knows (roles, a referral code) comes in `context`.
 */
import { todayInVietnam } from './calendar.js';
import { C, resolveTypedChoice } from './choices.js';
import type { Input, Locale, Reply } from './message.js';
import type { Understanding } from './nlu/types.js';
import type { Write } from './ports.js';
import { newSession, type Session } from './session.js';
import { NO_CONTEXT, type EngineDeps, type Request, type Turn, type TurnContext } from './turn.js';
import { say } from './turn.js';
import { adoptReferrer, runCommand, setLocale } from './flows/commands.js';
import { declineConsent, grantConsent, leaveConsentUnanswered } from './flows/consent.js';
import { answerBizvn, askType, chooseBizvn } from './flows/bizvn-check.js';
import { answerIdvn, askBirth, chooseIdvn, hasIdvnFacts } from './flows/idvn-check.js';
import { answerIntent } from './flows/intents.js';
import { showMenu, showMore } from './flows/menu.js';
import { reprompt } from './flows/reprompt.js';
import { programClosed } from './flows/result.js';
import { askForget, askWithdraw, asksToWithdraw, forget, keepData, showMyData } from './flows/privacy.js';
import { answerFaq, isFaq } from './flows/faq.js';
import { answerLocality, chooseLocality, closeLocality } from './flows/locality.js';
import { runStaffCommand } from './flows/staff-commands.js';
import { onOutreachChoice, onOutreachStep, onOutreachText, runOutreachCommand } from './flows/outreach-routes.js';
import { afterStep } from './flows/after-step.js';
import { answerAssistedStep, chooseAssisted, runAssistCommand } from './flows/assisted.js';
import { answerFeedbackStep, chooseFeedback } from './flows/feedback.js';
import { answerHandoffStep, answerStaffReply, chooseHandoff } from './flows/handoff.js';
import { aboutSelf, addressReplies, noteAddress, readPerson } from './flows/address.js';
import { showWhy } from './flows/result.js';
import { ageLastResult, answerResultQuestion } from './flows/result-questions.js';
import { answerSeveral } from './flows/several.js';
import { switchLanguage } from './flows/language.js';

export type { EngineDeps, Request, TurnContext } from './turn.js';

export type StepResult = { session: Session; replies: Reply[]; writes: Write[]; requests: Request[] };

/** Longest text the engine reads to understand; the rest of a 10 kB paste is ignored. Staff answers and broadcasts are never cut (src/core/staff-text.ts). */
export const MAX_INPUT_CHARS = 1000;

export function initialLocale(input: Input, fallback: Locale): Locale {
  const hint = input.meta?.languageCode?.toLowerCase();
  if (hint?.startsWith('en')) return 'en';
  if (hint?.startsWith('vi')) return 'vi';
  return fallback;
}

export function step(previous: Session | undefined, input: Input, deps: EngineDeps, context: TurnContext = NO_CONTEXT): StepResult {
  const turn: Turn = {
    session: previous ?? newSession(initialLocale(input, deps.defaultLocale)),
    input,
    deps,
    context,
    today: todayInVietnam(deps.clock),
    replies: [],
    writes: [],
    requests: [],
  };
  if ('choice' in input) onChoice(turn, input.choice);
  else onText(turn, input.text, previous === undefined);
  afterStep(previous, turn);
  ageLastResult(previous, turn);
  return { session: turn.session, replies: addressReplies(turn.replies, turn.session), writes: turn.writes, requests: turn.requests };
}

function onChoice(turn: Turn, id: string): void {
  turn.session = { ...turn.session, misses: 0 };
  closeLocality(turn);
  const pending = turn.session.step.flow === 'consent' ? turn.session.step.pending : undefined;
  if (id === C.consentYes) return grantConsent(turn, pending);
  if (id === C.consentNo) return declineConsent(turn, pending);
  if (id === C.why) return showWhy(turn);
  leaveConsentUnanswered(turn);
  if (id === C.checkIdvn) return programClosed(turn) ? undefined : askBirth(turn);
  if (id === C.checkBizvn) return programClosed(turn) ? undefined : askType(turn);
  if (id === C.menu) return showMenu(turn);
  if (id === C.more) return showMore(turn);
  if (id === C.langVi || id === C.langEn) return setLocale(turn, id.slice('lang:'.length));
  if (id === C.myData) return showMyData(turn);
  if (id === C.deleteData) return askForget(turn);
  if (id === C.withdraw) return askWithdraw(turn);
  if (id === C.forgetYes) return forget(turn);
  if (id === C.forgetNo) return keepData(turn);
  if (chooseIdvn(turn, id) || chooseBizvn(turn, id) || onOutreachChoice(turn, id) || chooseLocality(turn, id)) return;
  if (chooseAssisted(turn, id) || chooseHandoff(turn, id) || chooseFeedback(turn, id)) return;
  if (id.startsWith('faq:')) {
    const intent = id.slice('faq:'.length);
    if (isFaq(intent)) return answerFaq(turn, intent, false);
    if (intent === 'privacy') return answerIntent(turn, { intent: 'privacy', confidence: 1, entities: {}, signals: {}, alternatives: [] });
  }
  // An old keyboard, or a forged id: say so and show what is current.
  say(turn, 'common.expired_choice');
  reprompt(turn);
}

function onText(turn: Turn, raw: string, isNew: boolean): void {
  const text = raw.slice(0, MAX_INPUT_CHARS).trim();
  if (text.length === 0) {
    say(turn, turn.input.meta?.media ? 'common.unsupported_media' : 'common.empty');
    return reprompt(turn);
  }
  const whole = raw.trim(); // staff text to relay: whole, or refused (issue #18)
  if (answerStaffReply(turn, whole)) return;
  if (text.startsWith('/') && (runOutreachCommand(turn, whole) || runStaffCommand(turn, text) || runAssistCommand(turn, text) || runCommand(turn, text))) return;
  const typed = resolveTypedChoice(text, turn.session.offered, turn.session.locale, turn.deps.label);
  if (typed) return onChoice(turn, typed.id);
  if (asksToWithdraw(text)) return askWithdraw(turn);
  const understood = turn.deps.understand(text, turn.today);
  adoptReferrer(turn, understood.signals.referralCode);
  if (switchLanguage(turn, text, understood)) return;
  const person = readPerson(text);
  turn.session = noteAddress(turn.session, person, aboutSelf(understood, person));
  if (answerResultQuestion(turn, understood)) return;
  if (
    answerLocality(turn, text, understood) ||
    onOutreachStep(turn, text, understood) ||
    answerAssistedStep(turn, understood) ||
    answerHandoffStep(turn, text, understood.signals.yesNo) ||
    answerFeedbackStep(turn, text, understood) ||
    inFlow(turn, understood) ||
    onOutreachText(turn, text)
  ) return;
  if (isNew && understood.signals.referralCode !== undefined && understood.intent !== 'check_idvn' && understood.intent !== 'check_bizvn') {
    return showMenu(turn, 'common.welcome');
  }
  if (answerSeveral(turn, text, understood)) return;
  // "bác hỏi cho cháu": a question for a grandchild or child is about id.vn; ask for their age.
  if (person.subject !== undefined && understood.intent === 'out_of_scope' && turn.session.step.flow === 'menu') return askBirth(turn);
  answerIntent(turn, understood);
}

/** Lets the current step take the text as its answer; true when it did. */
function inFlow(turn: Turn, u: Understanding): boolean {
  const current = turn.session.step;
  if (current.flow === 'consent' && u.signals.yesNo !== undefined && !hasIdvnFacts(u)) {
    if (u.signals.yesNo) grantConsent(turn, current.pending);
    else declineConsent(turn, current.pending);
    return true;
  }
  if (current.flow === 'forget' && u.signals.yesNo !== undefined) {
    if (u.signals.yesNo) forget(turn);
    else keepData(turn);
    return true;
  }
  leaveConsentUnanswered(turn);
  if (current.flow === 'idvn') {
    if (u.intent === 'check_bizvn' && (u.entities.businessType || u.entities.establishedDate)) return false;
    return answerIdvn(turn, u);
  }
  if (current.flow === 'bizvn') {
    // A bare date answers the pending establishment-date question; an age or a birth date
    // given while the business type is asked switches to the id.vn check.
    const datePending = current.ask === 'established';
    const switchToIdvn = u.intent === 'check_idvn' && (u.entities.age !== undefined || (!datePending && hasIdvnFacts(u)));
    if (switchToIdvn) return false;
    return answerBizvn(turn, u);
  }
  return false;
}
