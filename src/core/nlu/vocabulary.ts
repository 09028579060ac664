/**
 * The words the classifier and the entity rules know, built once at module load from the
 * lexicons and slang tables: what typos are corrected towards, and which run-together
 * spellings ("dangky", "mienphi") are split back into words.
 */
import { PHRASES, SLANG } from './chat-slang.js';
import { CONVERSATION_LEXICON } from './lexicon-conversation.js';
import { PROGRAM_LEXICON } from './lexicon-program.js';
import type { Lexicon } from './lexicon-types.js';

/** Words the entity and signal rules look for, beyond the lexicons. */
const ENTITY_WORDS =
  'sinh nam ngay thang tuoi thanh lap giay phep chung nhan dang ky kinh doanh ho ca the cong ty doanh nghiep ' +
  'nuoc ngoai nguoi viet quoc tich gioi thieu hom nay qua kia ngoai truoc nay chua khong roi dung duoc muoi ' +
  'mot hai ba bon tu lam sau bay tam chin linh le chinh xac tiem quan cua hang online tap hoa';

function phrasesOf(lexicons: readonly Lexicon[]): string[] {
  const phrases: string[] = [];
  for (const lexicon of lexicons) {
    for (const entries of Object.values(lexicon)) {
      for (const [pattern] of entries ?? []) {
        for (const part of pattern.split('&')) phrases.push(part.replace(/[!^$#]/g, ' ').trim());
      }
    }
  }
  for (const [from, to] of SLANG) phrases.push(from.length >= 4 ? `${from} ${to}` : to);
  for (const [from, to] of PHRASES) phrases.push(from, to);
  phrases.push(ENTITY_WORDS);
  return phrases;
}

function build(): { words: Set<string>; compounds: Map<string, string> } {
  const words = new Set<string>();
  const compounds = new Map<string, string>();
  for (const phrase of phrasesOf([PROGRAM_LEXICON, CONVERSATION_LEXICON])) {
    const tokens = phrase.split(/\s+/).filter((t) => /^[a-z]+$/.test(t));
    for (const token of tokens) words.add(token);
    if (phrase === ENTITY_WORDS) continue;
    for (let i = 0; i + 1 < tokens.length; i++) {
      compounds.set(`${tokens[i]}${tokens[i + 1]}`, `${tokens[i]} ${tokens[i + 1]}`);
      const third = tokens[i + 2];
      if (third !== undefined) compounds.set(`${tokens[i]}${tokens[i + 1]}${third}`, `${tokens[i]} ${tokens[i + 1]} ${third}`);
    }
  }
  for (const word of words) compounds.delete(word);
  return { words, compounds };
}

const built = build();

/** Every known single word (folded). */
export const KNOWN_WORDS: ReadonlySet<string> = built.words;
/** Run-together spellings of known phrases → the phrase ("dangky" → "dang ky"). */
export const COMPOUNDS: ReadonlyMap<string, string> = built.compounds;
