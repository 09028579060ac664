/**
 * Typo tolerance. A folded token that is neither a known word nor a well-formed Vietnamese
 * syllable ("dnag", "mein", "khogn", "mienphi", "huongdan") is mapped to a known word or a
 * run-together phrase: exact compound first, then one adjacent transposition (≥ 4 letters),
 * then Levenshtein distance 1 (≥ 5 letters). Valid syllables are never "corrected", because
 * a different Vietnamese word one letter away is the usual case, not a typo. A 3-letter
 * token is only un-transposed when the result forms a known phrase with a neighbour
 * ("gia hna" → "gia han").
 */
import { distance } from 'fastest-levenshtein';
import { decodeTelex } from './telex.js';
import { COMPOUNDS, KNOWN_WORDS } from './vocabulary.js';

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?';
/** Vowel groups ending in a glide take no final consonant ("ai", "ao", "uoi", "yeu"). */
const OPEN_NUCLEUS = '(?:uya|uyu|uoi|oai|oay|oeo|uay|ieu|yeu|ai|ao|au|ay|eo|eu|ia|iu|oi|ua|ui|uu|ya)';
const NUCLEUS = '(?:uye|ie|uo|ye|oa|oe|ue|uy|oo|a|e|i|o|u|y)';
const CODA = '(?:ch|nh|ng|c|m|n|p|t)?';
const SYLLABLE = new RegExp(`^${ONSET}(?:${OPEN_NUCLEUS}|${NUCLEUS}${CODA})$`);

/** True for a folded string shaped like one Vietnamese syllable ("nguoi", "khong", "gia"). */
export function isVietnameseSyllable(token: string): boolean {
  return SYLLABLE.test(token);
}

const CANDIDATES_BY_LENGTH = new Map<number, string[]>();
for (const word of [...KNOWN_WORDS, ...COMPOUNDS.keys()].sort()) {
  if (word.length < 4) continue;
  const bucket = CANDIDATES_BY_LENGTH.get(word.length) ?? [];
  bucket.push(word);
  CANDIDATES_BY_LENGTH.set(word.length, bucket);
}

const expand = (word: string): string => COMPOUNDS.get(word) ?? word;

function transposed(token: string): string | undefined {
  for (let i = 0; i + 1 < token.length; i++) {
    const swapped = token.slice(0, i) + token.charAt(i + 1) + token.charAt(i) + token.slice(i + 2);
    if (KNOWN_WORDS.has(swapped) || COMPOUNDS.has(swapped)) return swapped;
  }
  return undefined;
}

function nearest(token: string): string | undefined {
  let best: string | undefined;
  for (let length = token.length - 1; length <= token.length + 1; length++) {
    for (const word of CANDIDATES_BY_LENGTH.get(length) ?? []) {
      if (distance(token, word) !== 1) continue;
      if (best === undefined || (word[0] === token[0] && best[0] !== token[0])) best = word;
    }
  }
  return best;
}

const isKnown = (word: string): boolean => KNOWN_WORDS.has(word);

function correct(token: string): string {
  if (!/^[a-z]+$/.test(token) || KNOWN_WORDS.has(token)) return token;
  const telex = /aa|aw|ee|oo|ow|uw|^dd|w/.test(token) ? decodeTelex(token, isVietnameseSyllable, isKnown) : undefined;
  if (telex !== undefined) return telex;
  if (token.includes('j')) {
    const withI = token.replaceAll('j', 'i');
    if (KNOWN_WORDS.has(withI) || isVietnameseSyllable(withI)) return withI;
  }
  if (isVietnameseSyllable(token)) return token;
  const toned = decodeTelex(token, isVietnameseSyllable, isKnown);
  if (toned !== undefined) return toned;
  const compound = COMPOUNDS.get(token);
  if (compound !== undefined) return compound;
  if (token.length < 4 || token.length > 24) return token;
  const swapped = transposed(token);
  if (swapped !== undefined) return expand(swapped);
  if (token.length < 5) return token;
  const near = nearest(token);
  return near === undefined ? token : expand(near);
}

function transposedInPhrase(token: string, prev: string | undefined, next: string | undefined): string | undefined {
  for (let i = 0; i + 1 < token.length; i++) {
    const swapped = token.slice(0, i) + token.charAt(i + 1) + token.charAt(i) + token.slice(i + 2);
    if (!KNOWN_WORDS.has(swapped)) continue;
    const joins = [prev === undefined ? '' : `${prev}${swapped}`, next === undefined ? '' : `${swapped}${next}`];
    if (joins.some((joined) => joined !== '' && (COMPOUNDS.has(joined) || KNOWN_WORDS.has(joined)))) return swapped;
  }
  return undefined;
}

const MAX_CACHE = 20_000;
const cache = new Map<string, string>();

/**
 * The corrected form of one folded token (may be several words: "dangky" → "dang ky").
 * `prev` / `next` are the neighbouring tokens, used for 3-letter tokens only.
 */
export function correctSpelling(token: string, prev?: string, next?: string): string {
  if (token.length === 3 && /^[a-z]+$/.test(token) && !KNOWN_WORDS.has(token) && !isVietnameseSyllable(token)) {
    return decodeTelex(token, isVietnameseSyllable, isKnown) ?? transposedInPhrase(token, prev, next) ?? token;
  }
  const hit = cache.get(token);
  if (hit !== undefined) return hit;
  const result = correct(token);
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(token, result);
  return result;
}
