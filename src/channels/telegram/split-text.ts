/**
 * Splits plain text into Telegram-sized pieces (4,096 UTF-16 units per
 * message, 1,024 per caption), preferring paragraph, then line, then word
 * boundaries, and never cutting a surrogate pair in half.
 */

export const MAX_MESSAGE_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;

const SEPARATORS = ['\n\n', '\n', ' '] as const;

function cutPoint(window: string, max: number): number {
  for (const minimum of [Math.floor(max / 2), 1]) {
    for (const separator of SEPARATORS) {
      const at = window.lastIndexOf(separator);
      if (at >= minimum) return at;
    }
  }
  const code = window.charCodeAt(max - 1);
  const splitsPair = code >= 0xd800 && code <= 0xdbff;
  return splitsPair ? max - 1 : max;
}

/** Pieces of at most `max` units; blank text gives no pieces. */
export function splitText(text: string, max: number = MAX_MESSAGE_LENGTH): string[] {
  if (max < 2) throw new Error(`splitText: max must be at least 2 (got ${max}).`);
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = cutPoint(rest.slice(0, max), max);
    const piece = rest.slice(0, cut).trimEnd();
    if (piece.trim().length > 0) pieces.push(piece);
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest.trim().length > 0) pieces.push(rest);
  return pieces;
}
