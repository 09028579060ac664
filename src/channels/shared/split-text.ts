/**
 * The one text splitter: plain text into pieces a platform accepts (Telegram
 * 4,096 units a message, Zalo 2,000), preferring a paragraph, then a line,
 * then a sentence or clause end, then a word boundary; a word is cut only when
 * nothing else fits, and never inside a surrogate pair (an emoji).
 */

const SEPARATORS = ['\n\n', '\n', '. ', '? ', '! ', '; ', ', ', ' '] as const;

/** Where to cut `text` (longer than `max`): after the best separator, else at `max`. */
function cutPoint(text: string, max: number): number {
  const window = text.slice(0, max + 1); // a separator right at `max` still counts
  for (const minimum of [Math.floor(max / 3), 1]) {
    for (const separator of SEPARATORS) {
      const at = window.lastIndexOf(separator);
      if (at >= minimum) return Math.min(at + separator.length, max);
    }
  }
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/** Pieces of at most `max` UTF-16 units, trimmed; blank text gives no pieces. */
export function splitText(text: string, max: number): string[] {
  if (max < 2) throw new Error(`splitText: max must be at least 2 (got ${max}).`);
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = cutPoint(rest, max);
    const piece = rest.slice(0, cut).trimEnd();
    if (piece.length > 0) pieces.push(piece);
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}
