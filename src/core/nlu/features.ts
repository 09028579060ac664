/**
 * Features for the statistical intent classifier, as Rasa's featurisers make them:
 * canonical word unigrams and bigrams (numbers as "#"), character 3–5-grams inside each
 * folded word of the raw text (so telex leftovers, typos and unknown words still share
 * pieces with known ones), and a few facts the entity rules found (an age, a business type).
 * Each feature is a 32-bit FNV-1a hash computed over the characters in place, with a
 * different seed per kind, so no feature string is ever built (this keeps ≥ 10,000 msgs/s).
 */
import type { Normalized } from './normalize.js';
import type { Entities, Signals } from './types.js';

const CHAR_MIN = 3;
const CHAR_MAX = 5;
/** Longest word whose character n-grams are taken; longer ones are cut (URLs, pasted junk). */
const MAX_WORD = 24;
/** Words beyond this many are ignored: no real question needs more, and time stays bounded. */
const MAX_WORDS = 60;

const SEED_WORD = 0x811c9dc5;
const SEED_BIGRAM = 0x01000193;
const SEED_CHAR = 0x050c5d1f;
const SEED_FACT = 0x2f5a3b71;
const BOUNDARY = 0x3c; // '<' and '>' both hash as this code: a word edge
const SPACE = 0x20;

const step = (hash: number, code: number): number => Math.imul(hash ^ code, 0x01000193) >>> 0;

function hashText(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = step(h, text.charCodeAt(i));
  return h;
}

const isDigits = (text: string): boolean => /^\d+$/.test(text);
const isWordChar = (code: number): boolean => (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);

/** Character 3–5-grams of folded[start, end) with word-edge marks, pushed as hashes. */
function charGrams(folded: string, start: number, end: number, out: number[]): void {
  const length = Math.min(end - start, MAX_WORD) + 2;
  const codeAt = (i: number): number => (i === 0 || i === length - 1 ? BOUNDARY : folded.charCodeAt(start + i - 1));
  for (let i = 0; i + CHAR_MIN <= length; i++) {
    let h = SEED_CHAR;
    for (let j = i; j < length && j - i < CHAR_MAX; j++) {
      h = step(h, codeAt(j));
      if (j - i + 1 >= CHAR_MIN) out.push(h);
    }
  }
}

function allDigits(folded: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = folded.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

const FACTS: readonly (readonly [string, (e: Entities, s: Signals) => boolean])[] = [
  ['age', (e) => e.age !== undefined],
  ['birth_year', (e) => e.birthYear !== undefined],
  ['birth_date', (e) => e.birthDate !== undefined],
  ['founded', (e) => e.establishedDate !== undefined],
  ['enterprise', (e) => e.businessType === 'enterprise'],
  ['household', (e) => e.businessType === 'household'],
  ['certificate', (_, s) => s.hasCertificate !== undefined],
  ['enterprise_code', (_, s) => s.enterpriseCode !== undefined],
  ['foreigner', (_, s) => s.foreigner === true],
  ['impossible_date', (_, s) => s.impossibleDate !== undefined],
];
const FACT_HASHES = FACTS.map(([name]) => hashText(SEED_FACT, name));

/** The hashed features of one message (duplicates allowed; the model counts each once). */
export function featurize(n: Normalized, entities: Entities, signals: Signals): number[] {
  const out: number[] = [];
  let prev = hashText(SEED_BIGRAM, '^');
  const tokens = n.tokens.length > MAX_WORDS ? n.tokens.slice(0, MAX_WORDS) : n.tokens;
  for (const token of tokens) {
    const word = isDigits(token) ? '#' : token;
    out.push(hashText(SEED_WORD, word), hashText(step(prev, SPACE), word));
    prev = hashText(SEED_BIGRAM, word);
  }
  out.push(step(step(prev, SPACE), 0x24));
  if (tokens.length === 0) out.push(hashText(SEED_WORD, '<empty>'));
  const { folded } = n;
  let words = 0;
  for (let i = 0; i < folded.length && words < MAX_WORDS; ) {
    if (!isWordChar(folded.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    while (end < folded.length && isWordChar(folded.charCodeAt(end))) end++;
    words++;
    if (!allDigits(folded, i, end)) charGrams(folded, i, end, out);
    i = end;
  }
  FACTS.forEach(([, holds], i) => {
    if (holds(entities, signals)) out.push(FACT_HASHES[i] as number);
  });
  return out;
}
