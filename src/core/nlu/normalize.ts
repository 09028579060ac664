/**
 * Text normalisation for matching: NFC, lower case, diacritics folded (NFKD + strip marks,
 * đ → d separately; NFKD is NFD that also maps full-width digits "２００４" → "2004"), tokens
 * (dates and codes kept whole), chat slang expanded, typos corrected.
 * Vietnamese without diacritics is ambiguous, so all matching is done on folded forms.
 */
import { PHRASES, SLANG } from './chat-slang.js';
import { expandRegional } from './regional.js';
import { correctSpelling } from './spelling.js';
import { foldKeepCase, foldToAscii } from '../fold.js';

/** Shared between the readers of one message (see `normalize`): never modified. */
export type Normalized = {
  /** The input in NFC with invisible format characters removed. */
  readonly text: string;
  /** `text` folded, case kept (codes such as "ABC123" are read from here). */
  readonly foldedCase: string;
  /** `text` lower-cased and folded; punctuation kept. */
  readonly folded: string;
  /** Canonical tokens: folded, slang expanded, typos corrected; dates/codes kept whole. */
  readonly tokens: readonly string[];
  /** `' ' + tokens.join(' ') + ' '` — phrases are matched as `' a b '` substrings. */
  readonly padded: string;
  /** `padded` with every all-digit token replaced by `#`. */
  readonly shape: string;
};

const FORMAT_CHARS = /\p{Cf}/gu;
const ASCII = /^[\x00-\x7f]*$/;
const TOKEN = /[a-z0-9_]+(?:[./-][a-z0-9_]+)*/g;
const NUMERIC = /^[\d./-]+$/;
const DIGITS = /^\d+$/;
const NUMBER_UNIT = /^(\d{1,4})(t|tuoi|yo|nam|thang|ngay)$/;
const WORD_NUMBER = /^(sn|ns|ngay|nam|sinh|thang|tuoi)(\d{1,4})$/;
/** Words people write with a hyphen or dot inside: "e-mail", "web-site". */
const JOINED = new Set(['email', 'wifi', 'website', 'online', 'hotline', 'zalo']);
const UNIT_WORD: Readonly<Record<string, string>> = { t: 'tuoi', yo: 'tuoi' };
/**
 * A concrete name under .vn ("lanbakery.biz.vn", "an2004.id.vn", "pho-24.vn"): its labels stay
 * words and one mark token says "a domain name of this kind", so a question about a name is
 * not read as a question about biz.vn itself.
 */
const CONCRETE_DOMAIN = /^((?:[a-z0-9-]+\.)*?[a-z0-9-]*[a-z][a-z0-9-]*)\.(?:(id|biz|com|net|org|edu|gov|info|name|pro|health|int|ac)\.)?vn$/;
const SECOND_LEVEL = /^(?:id|biz|com|net|org|edu|gov|info|name|pro|health|int|ac|www)$/;
const DOMAIN_MARK: Readonly<Record<string, string>> = { id: 'tenmien_idvn', biz: 'tenmien_bizvn', '': 'tenmien_vn' };
const PHRASE_RULES = PHRASES.map(
  ([from, to]) => [` ${from} `, new RegExp(`(?<= )${from}(?= )`, 'g'), to] as const,
);

/** NFC, without zero-width and other invisible format characters. */
export function toNfc(text: string): string {
  if (ASCII.test(text)) return text;
  return text.normalize('NFC').replace(FORMAT_CHARS, '');
}

export { foldKeepCase };

/** Invisible characters dropped, lower case and diacritics folded (src/core/fold.ts): "Đăng KÝ" → "dang ky". */
export function foldDiacritics(text: string): string {
  return foldToAscii(toNfc(text));
}

function splitToken(token: string, out: string[]): void {
  if (NUMERIC.test(token)) {
    out.push(token);
    return;
  }
  const domain = CONCRETE_DOMAIN.exec(token);
  if (domain?.[1] !== undefined && !SECOND_LEVEL.test(domain[1])) {
    for (const part of domain[1].split(/[.-]/)) if (part !== '' && part !== 'www') out.push(part);
    out.push(DOMAIN_MARK[domain[2] ?? ''] ?? 'tenmien_vn');
    return;
  }
  if (/[./-]/.test(token)) {
    const joined = token.replace(/[.-]/g, '');
    if (JOINED.has(joined)) {
      out.push(joined);
      return;
    }
    for (const part of token.split(/[./-]/)) if (part !== '') splitToken(part, out);
    return;
  }
  const unit = NUMBER_UNIT.exec(token);
  if (unit?.[1] !== undefined && unit[2] !== undefined) {
    out.push(unit[1], UNIT_WORD[unit[2]] ?? unit[2]);
    return;
  }
  const word = WORD_NUMBER.exec(token);
  if (word?.[1] !== undefined && word[2] !== undefined) {
    out.push(word[1], word[2]);
    return;
  }
  out.push(token);
}

/** Folded text → raw tokens. Dates (12/03/2004), numbers and codes (0101234567-001) stay whole. */
export function tokenize(folded: string): string[] {
  const out: string[] = [];
  for (const match of folded.matchAll(TOKEN)) splitToken(match[0], out);
  return out;
}

const isNumber = (token: string | undefined): boolean => token !== undefined && DIGITS.test(token);
const isDateToken = (token: string | undefined): boolean =>
  token !== undefined && /^\d{1,4}[./-]\d{1,2}(?:[./-]\d{2,4})?$/.test(token);
const YEARISH = /^(?:\d{2}|\d{4}|2k\d{0,2})$/;
const QUANTITY_NOUNS = new Set(['tuoi', 'tien', 'nam', 'ngay', 'thang', 'lau', 'phi', 'nguoi', 'ky', 'dong', 'k']);
/** "ct này", "ct là gì", "ct phổ cập": chương trình; otherwise "ct" is công ty. */
const PROGRAM_AFTER = new Set(['nay', 'la', 'pho', 'hien', 'keo', 'ket', 'do', 'gi']);
const ADDRESSEE_BEFORE = new Set(['chao', 'hi', 'hello', 'hey', 'on', 'voi', 'cua', 'cac', 'admin', 'ad']);

/** Slang whose meaning depends on its neighbours ("20 t" = tuổi, "t" alone = tôi). */
function expandInContext(token: string, prev: string | undefined, next: string | undefined): string | undefined {
  switch (token) {
    case 't':
      return isNumber(prev) ? 'tuoi' : 'toi';
    case 'yo':
      return isNumber(prev) ? 'tuoi' : 'yo';
    case 'k':
      return isNumber(prev) ? 'nghin' : 'khong';
    case 'dk':
      return prev === 'du' || prev === 'tra' || next === 'gi' || next === 'j' ? 'dieu kien' : 'dang ky';
    case 'bn':
      if (next !== undefined && QUANTITY_NOUNS.has(next)) return 'bao nhieu';
      return prev !== undefined && ADDRESSEE_BEFORE.has(prev) ? 'ban' : 'bao nhieu';
    case 'sn':
      if (next !== undefined && YEARISH.test(next)) return 'sinh nam';
      return isDateToken(next) ? 'sinh ngay' : 'sinh nhat';
    case 'ct':
      return (next !== undefined && PROGRAM_AFTER.has(next)) || prev === 've' ? 'chuong trinh' : 'cong ty';
    case 'ns':
      return isDateToken(next) || isNumber(next) ? 'ngay sinh' : 'noi';
    default:
      return undefined;
  }
}

/** A typo fixed, then read as slang if it is one ("tahnks" → "thanks" → "cam on"). */
function correctedSlang(token: string, prev: string | undefined, next: string | undefined): string {
  const word = correctSpelling(token, prev, next);
  return SLANG.get(word) ?? word;
}

/** Expands slang, corrects typos and applies phrase canonicalisation over raw tokens. */
export function canonicalTokens(raw: readonly string[]): string[] {
  const words: string[] = [];
  raw.forEach((token, i) => {
    const prev = raw[i - 1];
    const next = raw[i + 1];
    const expanded =
      expandInContext(token, prev, next) ??
      expandRegional(token, prev, next, raw[i + 2]) ??
      SLANG.get(token) ??
      correctedSlang(token, prev, next);
    if (expanded !== '') words.push(expanded);
  });
  let padded = ` ${words.join(' ')} `;
  for (const [probe, pattern, to] of PHRASE_RULES) if (padded.includes(probe)) padded = padded.replace(pattern, to);
  return padded.split(' ').filter((t) => t !== '');
}

/**
 * The last text normalised and its result. One turn reads its message several times (the
 * intent, the forms of address, renewal and date questions); the pipeline runs once. Only
 * the latest message is held, in memory, until the next one replaces it.
 */
let last: { readonly text: string; readonly result: Normalized } | undefined;

/** The whole pipeline: NFC → fold → tokens → slang/typos → phrases. */
export function normalize(text: string): Normalized {
  if (last !== undefined && last.text === text) return last.result;
  const result = normalizeOnce(text);
  last = { text, result };
  return result;
}

function normalizeOnce(text: string): Normalized {
  const nfc = toNfc(text);
  const foldedCase = foldKeepCase(nfc);
  const folded = foldedCase.toLowerCase();
  const tokens = canonicalTokens(tokenize(folded));
  const padded = ` ${tokens.join(' ')} `;
  const shape = ` ${tokens.map((t) => (DIGITS.test(t) ? '#' : t)).join(' ')} `;
  return { text: nfc, foldedCase, folded, tokens, padded, shape };
}
