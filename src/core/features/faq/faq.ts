/**
 * Answers a recognised question directly. At the menu the answer carries the
 * menu; in the middle of a check it is followed by the pending question.
 */
import type { Intent } from '../../nlu/types.js';
import { text, type Text } from '../../message.js';
import { offer, say, type Turn } from '../../turn.js';
import { suggestChoice } from '../outreach/ids.js';
import { mainChoices } from '../menu/menu.js';
import { resultParams } from '../result/result.js';
import { contactCard } from '../shared/contact.js';

/** Intents answered by one text, `faq.<intent>`, whose params come from data/program.json. */
export const FAQ_INTENTS: readonly Intent[] = [
  'about_program',
  'idvn_info',
  'bizvn_info',
  'free_what',
  'after_free',
  'how_register',
  'documents',
  'domain_name',
  'support_contact',
  'benefits',
  'human',
  'share_link',
];

export function isFaq(intent: string): intent is Intent {
  return (FAQ_INTENTS as readonly string[]).includes(intent);
}

export function faqParams(turn: Turn): Record<string, string | Text> {
  const { data } = turn.deps;
  return {
    ...resultParams(turn),
    name: data.program.name,
    decision: data.program.decision,
    team: data.contacts.team,
    hotline: data.contacts.hotline,
    contacts: contactCard(data),
    hours: data.contacts.hours,
    media: data.links.media,
    feeSource: data.fees.source,
  };
}

/** The answer, ending with "Nguồn: <link>" from data/program.json `sources.faq` (staff-editable). */
function withSource(turn: Turn, intent: Intent): { key: string; params: Text['params'] } {
  const answer = text(`faq.${intent}`, faqParams(turn));
  const source = turn.deps.data.sources.faq[intent];
  return source === undefined ? { key: answer.key, params: faqParams(turn) } : { key: 'faq.with_source', params: { answer, source } };
}

/** `inFlow`: answer without replacing the pending question's choices. */
export function answerFaq(turn: Turn, intent: Intent, inFlow: boolean): void {
  const { key, params } = withSource(turn, intent);
  if (inFlow) return say(turn, key, params);
  // Naming rules come with the offer to suggest names.
  const extra = intent === 'domain_name' ? [suggestChoice('id.vn'), suggestChoice('biz.vn')] : [];
  offer(turn, key, [...extra, ...mainChoices()], params);
}
