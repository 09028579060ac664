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

const step = (hash: number, code: number): number => Math.imul(hash ^ code, 0x01000193) >>> 0;
/** A bigram's hash from its two words' hashes (no string is built). */
const pair = (first: number, second: number): number => Math.imul(first ^ Math.imul(second, 0x9e3779b1), 0x01000193) >>> 0;

function hashText(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = step(h, text.charCodeAt(i));
  return h;
}

function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

const isWordChar = (code: number): boolean => (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);

/** Character 3–5-grams of codes[0, length) (word-edge marks included), pushed as hashes. */
function charGrams(codes: Int32Array, length: number, out: number[]): void {
  for (let i = 0; i + CHAR_MIN <= length; i++) {
    let h = SEED_CHAR;
    const end = Math.min(length, i + CHAR_MAX);
    for (let j = i; j < end; j++) {
      h = step(h, codes[j] as number);
      if (j - i + 1 >= CHAR_MIN) out.push(h);
    }
  }
}

const FACTS = ['age', 'birth_year', 'birth_date', 'founded', 'enterprise', 'household', 'certificate', 'enterprise_code', 'foreigner', 'impossible_date', 'subject', 'turning'] as const;
const FACT = Object.fromEntries(FACTS.map((name) => [name, hashText(SEED_FACT, name)])) as Record<(typeof FACTS)[number], number>;

function facts(entities: Entities, signals: Signals, out: number[]): void {
  if (entities.age !== undefined) out.push(FACT.age);
  if (entities.birthYear !== undefined) out.push(FACT.birth_year);
  if (entities.birthDate !== undefined) out.push(FACT.birth_date);
  if (entities.establishedDate !== undefined) out.push(FACT.founded);
  if (entities.businessType === 'enterprise') out.push(FACT.enterprise);
  if (entities.businessType === 'household') out.push(FACT.household);
  if (signals.hasCertificate !== undefined) out.push(FACT.certificate);
  if (signals.enterpriseCode !== undefined) out.push(FACT.enterprise_code);
  if (signals.foreigner === true) out.push(FACT.foreigner);
  if (signals.impossibleDate !== undefined) out.push(FACT.impossible_date);
  if (signals.subject !== undefined) out.push(FACT.subject);
  if (signals.turning !== undefined) out.push(FACT.turning);
}

const START = hashText(SEED_BIGRAM, '^');
const END = hashText(SEED_BIGRAM, '$');
const NUMBER = hashText(SEED_WORD, '#');
const EMPTY = hashText(SEED_WORD, '<empty>');

/** The hashed features of one message (duplicates allowed; the model counts each once). */
export function featurize(n: Normalized, entities: Entities, signals: Signals): number[] {
  const out: number[] = [];
  let prev = START;
  const count = Math.min(n.tokens.length, MAX_WORDS);
  for (let t = 0; t < count; t++) {
    const token = n.tokens[t] as string;
    const word = isDigits(token) ? NUMBER : hashText(SEED_WORD, token);
    out.push(word, pair(prev, word));
    prev = word;
  }
  out.push(pair(prev, END));
  if (count === 0) out.push(EMPTY);
  const { folded } = n;
  const codes = new Int32Array(MAX_WORD + 2);
  let words = 0;
  for (let i = 0; i < folded.length && words < MAX_WORDS; ) {
    if (!isWordChar(folded.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    let digits = true;
    codes[0] = BOUNDARY;
    let length = 1;
    while (end < folded.length && isWordChar(folded.charCodeAt(end))) {
      const c = folded.charCodeAt(end);
      if (c > 0x39) digits = false;
      if (length <= MAX_WORD) codes[length++] = c;
      end++;
    }
    codes[length++] = BOUNDARY;
    words++;
    if (!digits) charGrams(codes, length, out);
    i = end;
  }
  facts(entities, signals, out);
  return out;
}
