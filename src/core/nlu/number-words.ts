/**
 * Vietnamese numbers written in words, folded: "muoi tam" 18, "hai muoi" 20, "hai muoi mot" 21,
 * "hai mot" 21 (colloquial), "hai lam" 25, "ham hai" 22. Enough for ages (0..99).
 */
const DIGITS: Readonly<Record<string, number>> = {
  khong: 0, mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, lam: 5, nham: 5, sau: 6, bay: 7, tam: 8, chin: 9,
};
/** Words only valid as the last digit of a compound: "hai muoi mot", "hai lam", "ba tu". */
const UNIT_ONLY = new Set(['lam', 'nham', 'tu']);

const digitOf = (word: string | undefined): number | undefined =>
  word === undefined ? undefined : DIGITS[word];

/** The value of a whole word sequence, or undefined when it is not one number. */
export function parseNumberWords(words: readonly string[]): number | undefined {
  const [a, b, c] = words;
  const da = digitOf(a);
  const db = digitOf(b);
  const dc = digitOf(c);
  switch (words.length) {
    case 1:
      if (a === 'muoi') return 10;
      return da !== undefined && !UNIT_ONLY.has(a ?? '') ? da : undefined;
    case 2:
      if (a === 'muoi' && db !== undefined && db > 0) return 10 + db;
      if (a === 'ham' && db !== undefined && db > 0) return 20 + db;
      if (da !== undefined && da >= 2 && b === 'muoi' && !UNIT_ONLY.has(a ?? '')) return da * 10;
      if (da !== undefined && da >= 2 && db !== undefined && db > 0 && !UNIT_ONLY.has(a ?? '')) return da * 10 + db;
      return undefined;
    case 3:
      if (da !== undefined && da >= 2 && b === 'muoi' && dc !== undefined && dc > 0 && !UNIT_ONLY.has(a ?? '')) {
        return da * 10 + dc;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** True for a word that can be part of a number in words. */
export function isNumberWord(word: string | undefined): boolean {
  return word !== undefined && (word in DIGITS || word === 'muoi' || word === 'ham');
}

/**
 * The number written in words that ends just before `end` (exclusive) in `tokens`,
 * taking the longest run (up to 3 words) that parses.
 */
export function numberWordsBefore(tokens: readonly string[], end: number): number | undefined {
  for (let length = 3; length >= 1; length--) {
    const start = end - length;
    if (start < 0) continue;
    const run = tokens.slice(start, end);
    if (!run.every(isNumberWord)) continue;
    const value = parseNumberWords(run);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The number written in words that starts at `start` in `tokens` (longest run that parses). */
export function numberWordsAfter(tokens: readonly string[], start: number): number | undefined {
  for (let length = 3; length >= 1; length--) {
    const run = tokens.slice(start, start + length);
    if (run.length !== length || !run.every(isNumberWord)) continue;
    const value = parseNumberWords(run);
    if (value !== undefined) return value;
  }
  return undefined;
}
