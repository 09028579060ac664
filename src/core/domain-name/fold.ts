/**
 * Vietnamese text to the ASCII a domain label can use: combining marks
 * stripped, đ → d, lower case. "Nguyễn Văn An" → "nguyen van an".
 */

export function foldToAscii(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}

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
