/**
 * Vietnamese text folded for matching: combining marks stripped, đ → d
 * (it is not a combining mark), lower case. One helper for choices, place
 * names and domain names; the NLU has its own richer normaliser.
 */

const ASCII = /^[\x00-\x7f]*$/;

/** "Nguyễn Văn An" → "nguyen van an". */
export function foldToAscii(value: string): string {
  // Plain ASCII has no marks and no đ, and NFD/NFC leave it as it is.
  if (ASCII.test(value)) return value.toLowerCase();
  return value.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().normalize('NFC');
}

/** Folded words joined by single spaces, punctuation dropped: "P. Kiến An!" → "p kien an". */
export function foldWords(value: string): string {
  return foldToAscii(value)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
