/**
 * Is a message written in English? "Hello, do you speak English?" and "how do I get a free
 * domain" are; "cho mình hỏi domain free không" (Vietnamese with a few English words) is not.
 * Read on the text as typed: the normaliser translates English words into Vietnamese.
 */

const ENGLISH = new Set(
  (
    'a an the i im i\'m me my you your we our they he she it is are am was be been do does did can could would should will ' +
    'how what when where who why which this that there here to for of in on at with from by about and or but not no yes ' +
    'please hello hi hey thanks thank speak english get free domain domains name register registration apply eligible ' +
    'old years year age business company shop store website email need want know tell help much cost price fee after ' +
    'have has any still if so just only also more some my mine student born am citizen foreigner office phone contact ' +
    'talk human person someone real people renew renewal change names work living live'
  ).split(' '),
);
/** Common Vietnamese syllables (folded) that English text never has. */
const VIETNAMESE = new Set(
  (
    'toi minh ban em anh chi co khong ko k duoc dc la cho hoi gi sao nao the nay nhe nha a oi roi chua ten mien dang ky ' +
    'nam tuoi sinh ngay thang cong ty ho kinh doanh mien phi bao nhieu lam vay thi ma voi va cua cac nhung mot hai ba ' +
    'muon can biet giup xin chao cam on vang da u ok bac chu chau con'
  ).split(' '),
);
const VIETNAMESE_LETTERS = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

/** True when the message reads as English. */
export function isEnglish(text: string): boolean {
  if (VIETNAMESE_LETTERS.test(text)) return false;
  const tokens = text.toLowerCase().replace(/[’]/g, "'").split(/[^a-z0-9']+/).filter((t) => t !== '' && !/^\d+$/.test(t));
  if (tokens.length < 2) return tokens[0] === 'english';
  const english = tokens.filter((t) => ENGLISH.has(t)).length;
  const vietnamese = tokens.filter((t) => VIETNAMESE.has(t) && !ENGLISH.has(t)).length;
  return english >= 2 && english >= tokens.length * 0.6 && vietnamese <= tokens.length * 0.2;
}

/** Diacritics on several words: the message is Vietnamese for sure. */
export function isClearlyVietnamese(text: string): boolean {
  return text.split(/\s+/).filter((word) => VIETNAMESE_LETTERS.test(word)).length >= 3;
}
