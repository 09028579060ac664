/**
 * How the person speaks of themselves ("bác hỏi cho cháu" → bác) and whom they ask about
 * ("cháu tôi 19 tuổi" → a grandchild or nephew, "con trai em sinh 2007" → a child), so the bot
 * can mirror the form of address (features/address/). Pronouns are read with their diacritics
 * when the message has them ("cô" is not "có"); without diacritics only safe patterns count.
 */
import type { SelfForm, Signals, Subject } from './types.js';

const FORMS: Readonly<Record<string, SelfForm>> = {
  bác: 'bac', cô: 'co', chú: 'chu', ông: 'ong', bà: 'ba', anh: 'anh', chị: 'chi', em: 'em',
  tôi: 'toi', mình: 'minh', con: 'con', cháu: 'chau', tui: 'toi', tớ: 'minh',
};
/** Without diacritics: only forms that cannot be another common word at the start of a message. */
const ASCII_FORMS: Readonly<Record<string, SelfForm>> = { bac: 'bac', toi: 'toi', minh: 'minh', em: 'em', tui: 'toi' };
const SKIP = new Set(['dạ', 'da', 'vâng', 'xin', 'chào', 'chao', 'hello', 'hi', 'ad', 'admin', 'bot', 'ạ', 'à', 'ơi', 'oi', 'ừ', 'ok']);
/** After a kin word these make it someone else ("cháu tôi", "con trai", "em gái"). */
const KIN_AFTER = new Set(['tôi', 'mình', 'em', 'của', 'nhà', 'bác', 'trai', 'gái', 'nội', 'ngoại', 'tui', 'cô', 'chú', 'ông', 'bà', 'anh', 'chị']);
const ASK_FOR_ME = /(?:^|\s)cho\s+(\S+)\s+(?:hỏi|hoi|xin|biết|biet|nhờ|nho|được hỏi)(?=\s|$)/u;

const lookup = (forms: Readonly<Record<string, SelfForm>>, word: string | undefined): SelfForm | undefined =>
  word !== undefined && Object.hasOwn(forms, word) ? forms[word] : undefined;
const words = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
const hasDiacritics = (text: string): boolean => /[^\x00-\x7f]/.test(text);

/** The pronoun the person uses for themselves, when the message shows one. */
export function findSelfForm(text: string): SelfForm | undefined {
  const forms = hasDiacritics(text) ? FORMS : ASCII_FORMS;
  const lower = text.toLowerCase();
  const ask = lower.includes('cho ') ? ASK_FOR_ME.exec(lower) : null;
  if (ask?.[1] !== undefined) return lookup(forms, ask[1]);
  // The person's own pronoun comes first: only the opening words are read.
  const tokens = words(lower.slice(0, 48));
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] ?? '';
    if (SKIP.has(token)) i += 1;
    else if (tokens[i + 1] === 'ơi' || tokens[i + 1] === 'oi') i += 2;
    else break;
  }
  const first = tokens[i];
  if (first === undefined) return undefined;
  const form = lookup(forms, first);
  if (form === undefined) return undefined;
  const next = tokens[i + 1] ?? '';
  // "cháu tôi 19 tuổi": the speaker is the possessor.
  if ((form === 'chau' || form === 'con' || form === 'em' || form === 'anh' || form === 'chi') && KIN_AFTER.has(next)) {
    const owner = tokens.slice(i + 1, i + 4).find((t) => t !== 'của' && t !== 'trai' && t !== 'gái' && t !== 'nội' && t !== 'ngoại' && t !== 'nhà');
    return lookup(forms, owner);
  }
  return form;
}

const GRANDCHILD =
  /(?<= )(?:(?:thang |dua |be )?chau (?:(?:trai|gai|noi|ngoai) )?(?:cua )?(?:toi|minh|bac|ong|ba|tui|nha)|chau (?:trai|gai|noi|ngoai)|(?:hoi|kiem tra|xem) (?:cho|giup|ho|gium) (?:dua |thang |be )?chau)(?= )/;
const CHILD_RAW = /(?<!\p{L})(?:con (?:trai|gái|tôi|mình|em|tui|nhà|của)|đứa con|(?:hỏi|kiểm tra|xem) (?:cho|giúp|hộ|giùm) (?:đứa )?con)(?!\p{L})/u;
const CHILD_ASCII = /(?<= )(?:con (?:trai|gai|toi|tui)|dua con|(?:hoi|kiem tra) (?:cho|giup|ho|gium) con)(?= )/;
const SIBLING: readonly [RegExp, Subject][] = [
  [/(?<= )em (?:trai|gai)(?= )/, 'em'],
  [/(?<= )anh trai(?= )/, 'anh'],
  [/(?<= )chi gai(?= )/, 'chi'],
];

/** Whom the question is about when it is not the person: a grandchild/nephew, a child or a sibling. */
export function findSubject(text: string, padded: string): Subject | undefined {
  if (padded.includes(' chau ') && GRANDCHILD.test(padded)) return 'chau';
  if (padded.includes(' con ') && (hasDiacritics(text) ? CHILD_RAW.test(text.toLowerCase()) : CHILD_ASCII.test(padded))) return 'con';
  if (!padded.includes(' trai ') && !padded.includes(' gai ')) return undefined;
  return SIBLING.find(([pattern]) => pattern.test(padded))?.[1];
}

/** Read by the address feature once per turn (features/address/), not by `understand`: it is not needed to classify. */
export function findPerson(text: string, padded: string): Pick<Signals, 'selfForm' | 'subject'> {
  const found: Pick<Signals, 'selfForm' | 'subject'> = {};
  const self = findSelfForm(text);
  if (self !== undefined) found.selfForm = self;
  const subject = findSubject(text, padded);
  if (subject !== undefined) found.subject = subject;
  return found;
}

const COMPLAINT = /(?<= )(?:khieu nai|phan anh|to cao|kien nghi|gop y ve can bo|buc xuc|phan nan)(?= )|\b(?:complain|complaint)\b/;
const HUMAN =
  /(?<= )(?:(?:gap|noi chuyen voi|hoi|lien he|ket noi|chuyen cho|cho gap|can gap|muon gap) (?:nguoi that|nguoi|nhan vien|can bo|tu van vien|admin that|ai do|con nguoi)|nguoi that|bot ngu|may ngu)(?= )|\b(?:talk to (?:a )?(?:human|person|someone|real person|staff)|real person|human agent|speak to (?:a )?(?:human|person|someone))\b/;

const PERSON_WORDS = /khieu|phan anh|to cao|kien nghi|buc xuc|phan nan|complain|nguoi|nhan vien|can bo|tu van|admin|ai do|ngu|talk|real|human|speak/;

/** The person asks for a human ("cho tôi gặp người thật") or wants to complain ("tôi muốn khiếu nại"). */
export function findWantsPerson(padded: string): Signals['wantsPerson'] {
  if (!PERSON_WORDS.test(padded)) return undefined;
  if (COMPLAINT.test(padded)) return 'complaint';
  if (HUMAN.test(padded)) return 'human';
  return undefined;
}
