/**
 * Domain-name rules of the program (RULES.md "Names"): letters a–z, digits
 * and hyphen; no leading or trailing hyphen, no "--", at most 63 characters,
 * no Vietnamese diacritics. Every broken rule is reported, not just the first,
 * so the person can fix the name in one go.
 */
import type { Track } from '../eligibility/types.js';
import { asciiWords, foldToAscii, isAccentedLatin } from './fold.js';

export const MAX_LABEL_LENGTH = 63;

export type Violation =
  | { rule: 'empty' }
  | { rule: 'diacritics'; chars: string }
  | { rule: 'spaces' }
  | { rule: 'dot' }
  | { rule: 'invalid_chars'; chars: string }
  | { rule: 'leading_hyphen' }
  | { rule: 'trailing_hyphen' }
  | { rule: 'double_hyphen' }
  | { rule: 'too_long'; length: number };

export type CheckedName =
  | { ok: true; label: string; track: Track; domain: string }
  | { ok: false; label: string; track: Track; violations: Violation[]; fixed?: string };

const SUFFIX = /\.(id|biz)\.vn\.?$/i;

/** Splits "abc.id.vn" into its label and track; a bare label takes `fallback`. */
export function splitDomain(typed: string, fallback: Track): { label: string; track: Track; suffixed: boolean } {
  const trimmed = typed.trim().normalize('NFC');
  const match = SUFFIX.exec(trimmed);
  if (!match) return { label: trimmed, track: fallback, suffixed: false };
  const track: Track = (match[1] ?? '').toLowerCase() === 'biz' ? 'biz.vn' : 'id.vn';
  return { label: trimmed.slice(0, match.index), track, suffixed: true };
}

function unique(chars: Iterable<string>): string {
  return [...new Set(chars)].join(' ');
}

/** Every rule the label breaks, in the order RULES.md lists them. Upper case is fine (names are case-insensitive). */
export function violationsOf(rawLabel: string): Violation[] {
  const label = rawLabel.normalize('NFC').toLowerCase();
  if (label.length === 0) return [{ rule: 'empty' }];
  const chars = [...label];
  const found: Violation[] = [];
  const accented = chars.filter(isAccentedLatin);
  if (accented.length > 0) found.push({ rule: 'diacritics', chars: unique(accented) });
  if (chars.some((c) => /\s/.test(c))) found.push({ rule: 'spaces' });
  if (chars.includes('.')) found.push({ rule: 'dot' });
  const other = chars.filter((c) => !/^[a-z0-9\-.\s]$/.test(c) && !isAccentedLatin(c));
  if (other.length > 0) found.push({ rule: 'invalid_chars', chars: unique(other) });
  if (label.startsWith('-')) found.push({ rule: 'leading_hyphen' });
  if (label.endsWith('-')) found.push({ rule: 'trailing_hyphen' });
  if (label.includes('--')) found.push({ rule: 'double_hyphen' });
  if (chars.length > MAX_LABEL_LENGTH) found.push({ rule: 'too_long', length: chars.length });
  return found;
}

/** The closest valid label: diacritics removed, other characters dropped, hyphens tidied, cut to 63. */
export function fixLabel(rawLabel: string): string | undefined {
  const words = rawLabel.split(/-+/).map((part) => asciiWords(part).join(''));
  const joined = words.filter((w) => w.length > 0).join('-');
  const cut = joined.slice(0, MAX_LABEL_LENGTH).replace(/-+$/, '');
  return cut.length > 0 ? cut : undefined;
}

export function checkName(typed: string, fallback: Track): CheckedName {
  const { label, track } = splitDomain(typed, fallback);
  const violations = violationsOf(label);
  const lower = label.toLowerCase();
  if (violations.length === 0) return { ok: true, label: lower, track, domain: `${lower}.${track}` };
  const fixed = fixLabel(label);
  return fixed === undefined ? { ok: false, label, track, violations } : { ok: false, label, track, violations, fixed: `${fixed}.${track}` };
}

/** True when `label` is a valid name under the rules (used to filter suggestions). */
export function isValidLabel(label: string): boolean {
  return violationsOf(label).length === 0 && label === foldToAscii(label);
}
