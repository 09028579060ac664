/**
 * What a free-text message says about domain names: a domain typed in it,
 * a request for suggestions for a given name, a claim of having registered,
 * or a request to stop reminders. Pure; matching is on the folded text.
 */
import type { Track } from '../eligibility/types.js';
import { foldToAscii } from './fold.js';

/** Characters folded so far (letters and signs people type: a few hundred). */
const foldedChars = new Map<string, string>();

function foldChar(c: string): string {
  let folded = foldedChars.get(c);
  if (folded === undefined) {
    const f = foldToAscii(c);
    folded = Array.from(f).length === 1 ? f : c.toLowerCase().slice(0, 1) || ' ';
    if (foldedChars.size >= 4096) foldedChars.clear();
    foldedChars.set(c, folded);
  }
  return folded;
}

/** One folded character per code point, so an index in the folded text is one in the original. */
function foldEach(text: string): { original: string[]; folded: string } {
  const original = Array.from(text.normalize('NFC'));
  return { original, folded: original.map(foldChar).join('') };
}

const DOMAIN_IN_TEXT = /([^\s,;:!?"'()<>[\]{}]+)\.(id|biz)\.vn(?![\p{L}\p{N}-])/iu;

/** The first "<name>.id.vn" / "<name>.biz.vn" in the text, as typed (it may break the rules). */
export function findDomain(text: string): { typed: string; track: Track } | undefined {
  const match = DOMAIN_IN_TEXT.exec(text.normalize('NFC'));
  if (!match) return undefined;
  const track: Track = (match[2] ?? '').toLowerCase() === 'biz' ? 'biz.vn' : 'id.vn';
  return { typed: `${match[1] ?? ''}.${track}`, track };
}

const SUGGEST =
  /^(?:.*?\b)?(?:goi y|de xuat|dat|chon|tao|nghi)(?: giup| ho| dum| gium)?(?: (?:minh|em|toi|tui))?(?: (?:mot|1|vai|may))? ?(?:ten mien|domain|ten)(?: (id|biz) ?\.? ?vn)?(?: (?:nao|gi))?(?: (?:dep|hay))? ?(?:cho|voi ten|ten la|theo ten|:)\s*(?:(?:ten|minh|toi|em|cua hang|shop) la\s+)?/;

const BUSINESS_WORDS = /\b(tap hoa|cua hang|nha hang|quan|tiem|shop|cong ty|tnhh|co phan|doanh nghiep|ho kinh doanh|hkd|cafe|ca phe|spa|salon|studio|xuong)\b/;

/** "gợi ý tên miền cho Nguyễn Văn An" → the name as typed and the track (said, or guessed from business words). */
export function findSuggestionRequest(text: string): { name: string; track: Track } | undefined {
  const { original, folded } = foldEach(text.trim());
  const match = SUGGEST.exec(folded);
  if (!match) return undefined;
  const name = original.slice(Array.from(match[0]).length).join('').replace(/[.!?]+$/, '').trim();
  if (name.length === 0 || Array.from(name).length > 120) return undefined;
  const said = match[1];
  const track: Track = said === 'biz' || (said === undefined && BUSINESS_WORDS.test(foldToAscii(name))) ? 'biz.vn' : 'id.vn';
  return { name, track };
}

const ASK = /^(?:xin |cho (?:minh|em|toi) )?(?:goi y|de xuat|suggest)(?: (?:giup|ho|dum))?(?: (?:minh|em|toi|me))?(?: (?:mot|1|vai|a|some))? ?(?:ten mien|domain|domain name|ten)s?(?: (id|biz) ?\.? ?vn)?(?: (?:voi|nhe|nha|di|duoc khong|dc ko|please))?[.!?]*$/;

/** "gợi ý tên miền", "gợi ý tên miền biz.vn": suggestions wanted, no name given yet. */
export function findSuggestionAsk(text: string): { track?: Track } | undefined {
  const match = ASK.exec(foldToAscii(text).replace(/\s+/g, ' ').trim());
  if (!match) return undefined;
  const said = match[1];
  return said === undefined ? {} : { track: said === 'biz' ? 'biz.vn' : 'id.vn' };
}

const CLAIM = [
  /\b(?:da|vua|moi|minh da|em da|toi da)\s+(?:dang ky|dang ki|dk|dki|dky)\b/,
  /\b(?:dang ky|dang ki|dk|dki|dky)\s+(?:xong|roi|thanh cong|duoc roi)\b/,
  /\b(?:i have|i've|i)\s+registered\b/,
  /^registered\b/,
];
const NOT_A_CLAIM = /\b(chua|thi|the nao|lam sao|khong|ko|hok|k|how|not|when)\b|\?/;
/** "đã đăng ký hộ kinh doanh" is about the business certificate, not a domain. */
const ABOUT_BUSINESS = /\b(ho kinh doanh|kinh doanh|giay phep|giay chung nhan|doanh nghiep|cong ty|ma so thue|mst)\b/;

/** "đã đăng ký", "mình đăng ký xong rồi nguyenvanan.id.vn": the person says they registered a domain. */
export function isRegistrationClaim(text: string): boolean {
  const folded = foldToAscii(text).replace(/\s+/g, ' ').trim();
  if (!CLAIM.some((pattern) => pattern.test(folded))) return false;
  const rest = folded.replace(DOMAIN_IN_TEXT, ' ');
  if (NOT_A_CLAIM.test(rest)) return false;
  return findDomain(text) !== undefined || !ABOUT_BUSINESS.test(rest);
}

const STOP = /^(?:\/?stop|dung|dung lai|dung nhac|dung nhac nua|dung gui|huy nhac|thoi nhac|khong nhac nua|dung nhac toi nua|unsubscribe)[.!]*$/;

/** "dừng", "stop", "hủy nhắc": no more reminders. "đúng"/"dùng" (also "dung" folded) are not. */
export function isStopRequest(text: string): boolean {
  const lower = text.normalize('NFC').toLowerCase().trim();
  if (/đúng|dùng/.test(lower)) return false;
  return STOP.test(foldToAscii(lower).replace(/\s+/g, ' '));
}
