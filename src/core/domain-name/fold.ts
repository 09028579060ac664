/** Vietnamese text to the ASCII a domain label can use. */
import { foldToAscii } from '../fold.js';

export { foldToAscii };

/** True for a letter that is a–z once its Vietnamese diacritics are removed (ă, ê, ơ, đ…). */
export function isAccentedLatin(char: string): boolean {
  if (/^[a-zA-Z]$/.test(char)) return false;
  return /^[a-z]$/.test(foldToAscii(char));
}

/** Words of a name as ASCII tokens: "Tạp hóa Minh Châu" → ["tap", "hoa", "minh", "chau"]. */
export function asciiWords(value: string): string[] {
  return foldToAscii(value)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}
