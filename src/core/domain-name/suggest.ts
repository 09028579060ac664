/**
 * Name suggestions built from a person's full name (id.vn) or a business's
 * name (biz.vn). The name is used within the turn only and never stored.
 *
 *   "Nguyễn Văn An"     → nguyenvanan, vanan, an-nguyen, annguyen, nguyen-van-an
 *   "Tạp hóa Minh Châu" → taphoaminhchau, minhchau, taphoa-minhchau
 */
import type { Track } from '../eligibility/types.js';
import { asciiWords } from './fold.js';
import { isValidLabel, MAX_LABEL_LENGTH } from './validate.js';

/** Legal forms say nothing about the business and are left out ("Công ty TNHH Minh Châu" → minhchau). */
const LEGAL_FORMS = [
  'cong ty tnhh mot thanh vien', 'cong ty tnhh mtv', 'cong ty tnhh', 'cong ty co phan', 'cong ty cp', 'cong ty',
  'doanh nghiep tu nhan', 'dntn', 'ho kinh doanh', 'hkd', 'tnhh', 'co phan', 'mtv', 'jsc', 'co ltd', 'ltd',
];

/** What kind of shop it is: kept as a prefix in some suggestions ("taphoa-minhchau"). */
const KINDS = [
  'tap hoa', 'cua hang', 'nha hang', 'nha thuoc', 'quan an', 'quan', 'tiem', 'shop', 'ca phe', 'cafe', 'coffee',
  'tra sua', 'tiem vang', 'salon', 'spa', 'xuong', 'garage', 'gara', 'studio', 'homestay', 'khach san', 'nha nghi',
  'may mac', 'dien may', 'noi that', 'vat lieu', 'co so', 'trung tam', 'van phong',
];

/** Takes a leading phrase off; a name that is only a shop kind ("Quán") keeps it, a legal form never stays. */
function stripPhrase(words: string[], phrases: readonly string[], whole: boolean): { rest: string[]; found?: string } {
  const text = words.join(' ');
  for (const phrase of phrases) {
    if (text === phrase) return whole ? { rest: [], found: phrase } : { rest: words };
    if (text.startsWith(`${phrase} `)) return { rest: text.slice(phrase.length + 1).split(' '), found: phrase };
  }
  return { rest: words };
}

/** Cut to 63 characters, valid, at least 2 characters, without repeats, in order. */
function finish(candidates: readonly string[]): string[] {
  const labels: string[] = [];
  for (const candidate of candidates) {
    const label = candidate.slice(0, MAX_LABEL_LENGTH).replace(/-+$/, '');
    if (label.length >= 2 && isValidLabel(label) && !labels.includes(label)) labels.push(label);
  }
  return labels;
}

export function suggestPersonal(fullName: string): string[] {
  const words = asciiWords(fullName);
  if (words.length === 0) return [];
  const family = words[0] ?? '';
  const given = words[words.length - 1] ?? '';
  if (words.length === 1) return finish([given]);
  const middle = words.slice(1, -1);
  return finish([
    words.join(''),
    middle.length > 0 ? [...middle, given].join('') : '',
    `${given}-${family}`,
    `${given}${family}`,
    words.join('-'),
  ]);
}

export function suggestBusiness(businessName: string): string[] {
  const words = asciiWords(businessName);
  let { rest } = stripPhrase(words, LEGAL_FORMS, true);
  // "Công ty TNHH ..." may leave a second legal word: strip once more.
  ({ rest } = stripPhrase(rest, LEGAL_FORMS, true));
  const { rest: brand, found: kind } = stripPhrase(rest, KINDS, false);
  const kindLabel = kind?.replace(/ /g, '') ?? '';
  const brandLabel = brand.join('');
  if (brandLabel.length === 0) return [];
  return finish([
    `${kindLabel}${brandLabel}`,
    brandLabel,
    kindLabel ? `${kindLabel}-${brandLabel}` : brand.join('-'),
    kindLabel ? `${brandLabel}-${kindLabel}` : '',
  ]);
}

/** Up to `limit` full domain names for the track. */
export function suggestDomains(name: string, track: Track, limit = 5): string[] {
  const labels = track === 'id.vn' ? suggestPersonal(name) : suggestBusiness(name);
  return labels.slice(0, limit).map((label) => `${label}.${track}`);
}
