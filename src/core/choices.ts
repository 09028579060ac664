/**
 * The resolution of a typed answer to an offered choice:
 * "2", "số 2", "so 2." or the label itself, with or without diacritics.
 */
import { foldWords as fold } from './fold.js';
import type { Choice, Locale, Text } from './message.js';

export { foldWords as fold } from './fold.js';

/** Labels without params are texts of the locale files (a few hundred): each is folded once. */
const foldedLabels = new Map<string, string>();
const MAX_FOLDED_LABELS = 5_000;

function foldedLabel(label: string): string {
  let folded = foldedLabels.get(label);
  if (folded === undefined) {
    folded = fold(label);
    if (foldedLabels.size >= MAX_FOLDED_LABELS) foldedLabels.clear();
    foldedLabels.set(label, folded);
  }
  return folded;
}

const NUMBER_ANSWER = /^(?:so|chon|option|number|lua chon)?\s*(\d{1,2})\s*$/;

export function resolveTypedChoice(
  typed: string,
  offered: readonly Choice[],
  locale: Locale,
  label: (text: Text, locale: Locale) => string,
): Choice | undefined {
  if (offered.length === 0) return undefined;
  const folded = fold(typed);
  if (folded.length === 0 || folded.length > 80) return undefined;
  const number = NUMBER_ANSWER.exec(folded);
  if (number) return offered[Number(number[1]) - 1];
  const labels = offered.map((c) => (c.label.params === undefined ? foldedLabel(label(c.label, locale)) : fold(label(c.label, locale))));
  const exact = labels.indexOf(folded);
  if (exact >= 0) return offered[exact];
  // A label typed in part ("ho kinh doanh" for "Hộ kinh doanh (có giấy phép)") when only one fits.
  if (folded.length >= 5) {
    const hits = labels.flatMap((l, i) => (l.startsWith(folded) ? [i] : []));
    if (hits.length === 1) return offered[hits[0] ?? 0];
  }
  return undefined;
}
