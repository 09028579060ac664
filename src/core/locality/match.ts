/**
 * Matches a typed commune/ward name against the province's list: "Kiến An",
 * "p. Kiến An", "phuong kien an", "kien ann", "mình ở phường Kiến An". The
 * typed text is folded first (NFD, no marks, đ→d, lower case), so diacritics
 * never change the answer: where two names differ only by their marks
 * (Xã Cẩm Giang, Xã Cẩm Giàng) both are offered. Pure; the list comes in.
 */
import { foldWords } from '../fold.js';
import { distance } from 'fastest-levenshtein';

export type LocalityType = 'xã' | 'phường' | 'đặc khu';
export type Locality = { readonly code: string; readonly name: string; readonly type: LocalityType };

export type LocalityMatch =
  | { readonly kind: 'match'; readonly locality: Locality }
  /** Two or three likely names (best first): ask which one. */
  | { readonly kind: 'ambiguous'; readonly options: readonly Locality[] }
  | { readonly kind: 'unknown' };

export type LocalityIndex = {
  readonly all: readonly Locality[];
  /** A name to show as an example in the question ("Kiến An"): the team's own ward, else the first one. */
  readonly example: string;
  match(typed: string): LocalityMatch;
  byCode(code: string): Locality | undefined;
};

/** At most this many options when the name is ambiguous. */
export const MAX_OPTIONS = 3;
/** Longer answers are not a commune name (someone typed a question instead). */
export const MAX_WORDS = 7;

export function foldName(value: string): string {
  return foldWords(value).replace(/[^a-z0-9 ]+/g, ' ').replace(/ +/g, ' ').trim();
}

const FILLER = /^(?:(?:toi|minh|em|anh|chi|nha|gia dinh|chung toi|con|dang|song|o|tai|thuoc|la|ben|khu vuc|dia ban|cho)\s+)+/;
const TYPES: readonly [RegExp, LocalityType][] = [
  [/^(?:phuong|p)\s+/, 'phường'],
  [/^(?:xa|x)\s+/, 'xã'],
  [/^(?:dac khu|dk)\s+/, 'đặc khu'],
];
const TYPE_OF: Readonly<Record<string, LocalityType>> = { phuong: 'phường', xa: 'xã', 'dac khu': 'đặc khu' };

/** The folded name without its type word: "Phường Kiến An" → "kien an". */
export function baseName(name: string): string {
  return foldName(name).replace(/^(?:phuong|xa|dac khu)\s+/, '');
}

/** What was typed, reduced to a base name and an optional type ("p." → phường). */
export function parseTyped(typed: string, dropFiller = true): { base: string; type?: LocalityType } {
  const folded = foldName(typed);
  const text = dropFiller ? folded.replace(FILLER, '') : folded;
  for (const [pattern, type] of TYPES) {
    if (pattern.test(text)) return { base: text.replace(pattern, '').trim(), type };
  }
  return { base: text.trim() };
}

/** Edits allowed for a typo: none for short names, one or two for longer ones. */
function tolerance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 6) return 1;
  return 2;
}

type Scored = { locality: Locality; score: number };

export function createLocalityIndex(all: readonly Locality[], provinceShortName = '', home?: string): LocalityIndex {
  const entries = all.map((locality) => ({ locality, base: baseName(locality.name) }));
  const byCode = new Map(all.map((l) => [l.code, l]));
  const province = baseName(provinceShortName);
  const tail = province === '' ? undefined : new RegExp(`\\s+(?:(?:tp|thanh pho|tinh)\\s+)?${province}$`);

  function candidates(base: string, type: LocalityType | undefined): Scored[] {
    const pool = type === undefined ? entries : entries.filter((e) => e.locality.type === type);
    const exact = pool.filter((e) => e.base === base);
    if (exact.length > 0) return exact.map((e) => ({ locality: e.locality, score: 0 }));
    const limit = tolerance(base.length);
    const fuzzy = pool
      .map((e) => ({ locality: e.locality, score: distance(base, e.base) }))
      .filter((s) => s.score <= limit);
    const prefix = base.length >= 3 ? pool.filter((e) => e.base.startsWith(`${base} `) || e.base.startsWith(base)) : [];
    const seen = new Set(fuzzy.map((s) => s.locality.code));
    const extra = prefix.filter((e) => !seen.has(e.locality.code)).map((e) => ({ locality: e.locality, score: limit + 1 }));
    return [...fuzzy, ...extra].sort((a, b) => a.score - b.score || a.locality.code.localeCompare(b.locality.code));
  }

  function decide(found: readonly Scored[]): LocalityMatch {
    const [best, second] = found;
    if (best === undefined) return { kind: 'unknown' };
    if (second === undefined || (best.score === 0 && second.score > 0) || second.score - best.score >= 2) {
      return { kind: 'match', locality: best.locality };
    }
    return { kind: 'ambiguous', options: found.slice(0, MAX_OPTIONS).map((s) => s.locality) };
  }

  function attempt(typed: string, dropFiller: boolean): Scored[] {
    const { base: typedBase, type } = parseTyped(typed, dropFiller);
    // "Kiến An, TP Hải Phòng": the province at the end is not part of the name.
    const base = tail === undefined ? typedBase : typedBase.replace(tail, '');
    if (base.length < 2 || base.split(' ').length > MAX_WORDS || /\d{3,}/.test(base) || base in TYPE_OF) return [];
    return candidates(base, type);
  }

  function match(typed: string): LocalityMatch {
    // "mình ở phường Kiến An" drops "mình ở"; a name that starts with such a word ("Tài …") still matches as typed.
    const asTyped = attempt(typed, false);
    if (asTyped[0]?.score === 0) return decide(asTyped);
    const withoutFiller = attempt(typed, true);
    const better = (withoutFiller[0]?.score ?? Infinity) < (asTyped[0]?.score ?? Infinity) ? withoutFiller : asTyped;
    return decide(better);
  }

  const sample = (home === undefined ? undefined : byCode.get(home)) ?? all[0];
  const example = sample === undefined ? '' : sample.name.replace(/^(?:Phường|Xã|Đặc khu)\s+/u, '');
  return { all, example, match, byCode: (code) => byCode.get(code) };
}
