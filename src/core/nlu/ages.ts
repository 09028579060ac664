/**
 * Ages and birth years as people state them: "20 tuoi", "20t", "nam nay 20", "hai muoi tuoi",
 * "sinh nam 2005", "sn 2005", "sinh nam 05", "em 2005", "2k5". A number after a comparison
 * word ("duoi 18 tuoi", "tu 18 den 23 tuoi") is a question about the rule, not an age.
 */
import { splitDate, type IsoDate } from '../calendar.js';
import { expandYear } from './dates.js';
import { isNumberWord, numberWordsAfter, numberWordsBefore } from './number-words.js';

const COMPARISON = new Set(['duoi', 'tren', 'qua', 'hon', 'ngoai', 'tu', 'den', 'het', 'truoc']);
const PRONOUNS = 'em|toi|minh|con|chau|ban|no|anh|chi|be|tao';
const AGE_DIGITS = /^\d{1,3}$/;
const THIS_YEAR_AGE = new RegExp(String.raw`(?<= )nam nay (?:(?:${PRONOUNS}) )?(?:da |duoc )?(\d{1,3})(?= )`);
const BIRTH_YEAR = /(?<= )(?:(?:sinh nam|nam sinh|sinh vao nam|de nam|de vao nam)(?: la)? (\d{4}|\d{2})|(?:sinh|de) (\d{4}))(?= )(?! thang)/;
const PRONOUN_YEAR = new RegExp(String.raw`(?<= )(?:${PRONOUNS}) (?:sinh )?(\d{4})(?= )`);
const SLANG_YEAR = new RegExp(String.raw`(?<= )(?:(?:sinh nam|sinh|${PRONOUNS}) )?2k(\d{1,2})?(?= )`);
const ONLY_YEAR = /^ (\d{4}) $/;
/** "mình 30 rồi", "em 17 ạ": a pronoun, a two-digit number and a closing word. */
const PRONOUN_AGE = new RegExp(String.raw`(?<= )(?:${PRONOUNS}) (?:nam nay |da |duoc )?(\d{2}) (?:roi|a|thoi|nhe)(?= )`);

/** English: "I am 20", "I'm 20", "20 years old", "aged 20". */
const ENGLISH_AGE = /(?<= )(?:i am|im|i m|aged|age) (\d{1,3})(?= )|(?<= )(\d{1,3}) (?:years? old|yo|y o)(?= )/;

const plausibleAge = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 120;

/** The age stated in the message, if any. */
export function findAge(tokens: readonly string[], padded: string): number | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] !== 'tuoi') continue;
    const before = tokens[i - 1];
    if (before !== undefined && AGE_DIGITS.test(before)) {
      const value = Number(before);
      if (!COMPARISON.has(tokens[i - 2] ?? '') && plausibleAge(value)) return value;
      continue;
    }
    const value = numberWordsBefore(tokens, i);
    if (value === undefined) continue;
    let start = i - 1;
    while (start > 0 && isNumberWord(tokens[start - 1])) start--;
    if (!COMPARISON.has(tokens[start - 1] ?? '') && plausibleAge(value)) return value;
  }
  const thisYear = THIS_YEAR_AGE.exec(padded);
  if (thisYear?.[1] !== undefined && plausibleAge(Number(thisYear[1]))) return Number(thisYear[1]);
  const pronounAge = PRONOUN_AGE.exec(padded);
  if (pronounAge?.[1] !== undefined && plausibleAge(Number(pronounAge[1]))) return Number(pronounAge[1]);
  const english = ENGLISH_AGE.exec(padded);
  const englishAge = english?.[1] ?? english?.[2];
  if (englishAge !== undefined && plausibleAge(Number(englishAge))) return Number(englishAge);
  const at = tokens.indexOf('nay');
  if (at > 0 && tokens[at - 1] === 'nam') {
    const offset = PRONOUNS.split('|').includes(tokens[at + 1] ?? '') ? 2 : 1;
    const value = numberWordsAfter(tokens, at + offset);
    if (value !== undefined && value >= 10 && plausibleAge(value)) return value;
  }
  return undefined;
}

/** The birth year stated in the message (not one inside a full date), if any. */
export function findBirthYear(padded: string, today: IsoDate): number | undefined {
  const thisYear = splitDate(today).year;
  const valid = (year: number): number | undefined => (year >= 1900 && year <= thisYear ? year : undefined);
  const stated = BIRTH_YEAR.exec(padded);
  const statedYear = stated?.[1] ?? stated?.[2];
  if (statedYear !== undefined) return valid(expandYear(statedYear, today));
  const slang = SLANG_YEAR.exec(padded);
  if (slang !== null && (slang[1] !== undefined || slang[0] !== '2k')) return valid(2000 + Number(slang[1] ?? 0));
  const pronoun = PRONOUN_YEAR.exec(padded) ?? ONLY_YEAR.exec(padded);
  if (pronoun?.[1] !== undefined) return valid(Number(pronoun[1]));
  return undefined;
}
