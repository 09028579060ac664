/**
 * Telex leftovers: Vietnamese typed with the input method switched off ("ddawng kys",
 * "hooj kinh doanh", "tieengs", "dduwowcj"). Telex writes â ă ê ô ơ ư đ as aa aw ee oo ow uw
 * dd (a lone w is ư) and the tone as one of s f r x j after the vowel. Folded, every one of
 * these is just the plain letters, so decoding drops the extra ones. A word is decoded only
 * when it carries a telex mark and the result is a Vietnamese syllable; a word whose only
 * mark is a final tone letter ("kys", "laf") must decode to a known word, so English ("users")
 * and chat slang ("tuj" = tui) are left alone.
 */
const FIRST_VOWEL = /[aeiouy]/;
const STRONG = /aa|aw|ee|oo|ow|uw|^dd|w/;
const TONE_ONLY = /[sfrxj]{1,2}$|[sfrxj](?:ch|nh|ng|[cmnptiyuo])$/;

function strip(token: string): string {
  const first = token.search(FIRST_VOWEL);
  const head = first < 0 ? token : token.slice(0, first);
  const tail = first < 0 ? '' : token.slice(first).replace(/[sfrxj]/g, '');
  return `${head}${tail}`
    .replace(/^dd/, 'd')
    .replace(/aa|aw/g, 'a')
    .replace(/ee/g, 'e')
    .replace(/oo|ow/g, 'o')
    .replace(/uw/g, 'u')
    .replace(/w/g, 'u');
}

/**
 * The folded syllable a telex-typed token stands for, or undefined when it is not one.
 * `syllable` tells whether a string is shaped like a Vietnamese syllable, `known` whether a
 * plain word is in the vocabulary (both from spelling.ts).
 */
export function decodeTelex(
  token: string,
  syllable: (text: string) => boolean,
  known: (word: string) => boolean,
): string | undefined {
  if (!/^[a-z]{2,9}$/.test(token)) return undefined;
  const strong = STRONG.test(token);
  if (!strong && !TONE_ONLY.test(token)) return undefined;
  const decoded = strip(token);
  if (decoded === token || decoded.length === 0 || !syllable(decoded)) return undefined;
  return strong || known(decoded) ? decoded : undefined;
}
