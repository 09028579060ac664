/**
 * The one diacritic folder: combining marks stripped, đ → d (it is not a
 * combining mark). Used for choices, place names, domain names, report
 * periods and, inside its richer normaliser, the NLU.
 */

const MARKS = /\p{M}/gu;
const ASCII = /^[\x00-\x7f]*$/;

/** Diacritics removed, đ/Đ → d/D, case kept: "Mã GT: Đoàn" → "Ma GT: Doan". */
export function foldKeepCase(value: string): string {
  if (ASCII.test(value)) return value;
  return value
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(/[đð]/g, 'd')
    .replace(/[ĐÐ]/g, 'D')
    .normalize('NFC');
}

/** "Nguyễn Văn An" → "nguyen van an". */
export function foldToAscii(value: string): string {
  return foldKeepCase(value).toLowerCase();
}

/** Folded words joined by single spaces, punctuation dropped: "P. Kiến An!" → "p kien an". */
export function foldWords(value: string): string {
  return foldToAscii(value)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
