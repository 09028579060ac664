/**
 * Handoff to a person (issue #11). Asked for a human, or not understood
 * twice in a row, the bot gives the contacts from data/program.json and — if
 * a staff chat is set and staff are on duty — asks "Bạn có muốn mình chuyển
 * câu hỏi cho cán bộ không?". Only on yes does the question go to the staff
 * chat (a request the runner answers: outbox row + delivery), with a reply
 * code; "#H12 <answer>" in the staff chat, or "/reply H12 <answer>" from a
 * team member, is relayed back to the person.
 */
import { HANDOFF } from './ids.js';
import { choice } from '../../message.js';
import { isReplyCommand, parseStaffReply, staffOnDuty } from '../../handoff.js';
import { offer, say, type Turn } from '../../turn.js';
import { unknownCommand } from '../menu/commands.js';
import { answerFaq, faqParams } from '../faq/faq.js';
import { contactCard } from '../shared/contact.js';
import { showMenu } from '../menu/menu.js';
import { rolesOf } from '../staff/staff-commands.js';
import { refuseLongStaffText } from '../../staff-text.js';


/** The longest question forwarded; the rest of a long paste is cut. */
export const MAX_QUESTION_CHARS = 500;

function typed(turn: Turn): string | undefined {
  const value = 'text' in turn.input ? turn.input.text.trim() : '';
  return value === '' ? undefined : value.slice(0, MAX_QUESTION_CHARS);
}

function onDuty(turn: Turn): boolean {
  return staffOnDuty(turn.deps.data.handoff, turn.deps.clock.now());
}

function askToForward(turn: Turn, question: string): void {
  turn.session = { ...turn.session, misses: 0, step: { flow: 'handoff', ask: 'confirm', question } };
  offer(turn, 'handoff.ask', [choice(HANDOFF.yes, 'handoff.yes'), choice(HANDOFF.no, 'handoff.no')]);
}

function askQuestion(turn: Turn): void {
  turn.session = { ...turn.session, misses: 0, step: { flow: 'handoff', ask: 'question' } };
  offer(turn, 'handoff.ask_question', [choice(HANDOFF.no, 'handoff.no')]);
}

/**
 * "Gặp cán bộ": with staff on duty, the contacts and the offer to forward
 * (the typed question, or ask for one after a button). Without a staff chat
 * false (the FAQ answer with the contacts follows); off duty it says so first.
 */
export function askForPerson(turn: Turn, fromChoice: boolean): boolean {
  if (turn.deps.data.handoff.staffChat === null) return false;
  if (!onDuty(turn)) {
    say(turn, 'handoff.off_duty');
    return false;
  }
  say(turn, 'faq.human', faqParams(turn));
  const question = fromChoice ? undefined : typed(turn);
  if (question === undefined) askQuestion(turn);
  else askToForward(turn, question);
  return true;
}

/** Not understood twice: contacts, and the offer to forward what they wrote; false when nobody is on duty. */
export function offerHandoffAfterMisses(turn: Turn): boolean {
  const question = typed(turn);
  if (question === undefined || !onDuty(turn)) return false;
  const { contacts } = turn.deps.data;
  say(turn, 'common.not_understood_twice', { team: contacts.team, contacts: contactCard(turn.deps.data) });
  askToForward(turn, question);
  return true;
}

function forward(turn: Turn): void {
  const step = turn.session.step;
  if (step.flow !== 'handoff' || step.ask !== 'confirm') {
    say(turn, 'common.expired_choice');
    return showMenu(turn);
  }
  turn.requests.push({ type: 'handoff_forward', question: step.question, at: turn.replies.length });
  // The question leaves the session with this turn: the runner forwards it, nothing keeps it.
  showMenu(turn);
}

function keep(turn: Turn): void {
  say(turn, 'handoff.not_forwarded');
  showMenu(turn);
}

/** "Gặp cán bộ" (`faq:human`): the offer to forward, or without staff on duty the FAQ answer with the contacts. */
export function chooseHandoff(turn: Turn, id: string): boolean {
  if (id === HANDOFF.human) {
    if (!askForPerson(turn, true)) answerFaq(turn, 'human', false);
    return true;
  }
  if (id === HANDOFF.yes) forward(turn);
  else if (id === HANDOFF.no) keep(turn);
  else return false;
  return true;
}

/** Text at a handoff step: yes/no to forwarding, or the question itself. Anything else drops the question. */
export function answerHandoffStep(turn: Turn, text: string, yesNo: boolean | undefined): boolean {
  const step = turn.session.step;
  if (step.flow !== 'handoff') return false;
  if (step.ask === 'question') {
    // A short "không" / "thôi" is a no; anything else is the question.
    if (yesNo === false && text.length <= 15) keep(turn);
    else askToForward(turn, text.slice(0, MAX_QUESTION_CHARS));
    return true;
  }
  if (yesNo === true) forward(turn);
  else if (yesNo === false) keep(turn);
  else {
    turn.session = { ...turn.session, step: { flow: 'menu' } };
    return false;
  }
  return true;
}

/**
 * A staff answer: "#H12 …" from the staff chat, or "/reply H12 …" from the
 * staff chat or a team member. "#H…" from anyone else is ordinary text
 * (false); "/reply" from anyone else gets the unknown-command answer.
 */
export function answerStaffReply(turn: Turn, text: string): boolean {
  const fromStaffChat = turn.input.from === turn.deps.data.handoff.staffChat;
  const command = isReplyCommand(text);
  if (!command && !(fromStaffChat && /^#H\d/i.test(text))) return false;
  if (command && !fromStaffChat) {
    const roles = rolesOf(turn);
    if (!roles.has('admin') && !roles.has('team')) {
      unknownCommand(turn);
      return true;
    }
  }
  const reply = parseStaffReply(text);
  if (reply === undefined || reply.answer === '') say(turn, 'handoff.reply_usage');
  else if (refuseLongStaffText(turn, reply.answer)) return true;
  else turn.requests.push({ type: 'handoff_reply', id: reply.id, answer: reply.answer, at: turn.replies.length });
  return true;
}
