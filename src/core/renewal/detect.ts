/**
 * What a message says about renewal, matched on the folded text (no
 * diacritics, lower case) before the general intent routing: "tên miền của
 * tôi hết hạn miễn phí khi nào", "mình đã gia hạn rồi", "nhắc gia hạn".
 * Targeted patterns only; the intent classifier is left alone.
 */
import { foldToAscii } from '../fold.js';
import { findDates, normalize } from '../nlu/index.js';
import type { IsoDate } from '../calendar.js';
import type { Track } from '../eligibility/types.js';
import { findDomain } from '../domain-name/index.js';

const flat = (text: string): string => ` ${foldToAscii(text).replace(/[^\p{L}\p{N}.]+/gu, ' ').trim()} `;

const EXPIRY = / (het han|het mien phi|het thoi gian mien phi|het thoi han mien phi|het free|het hieu luc|mien phi (den|toi|duoc den)|expire|expires|expiry|free period|free until|stop being free) /;
const WHEN = / (khi nao|bao gio|ngay nao|luc nao|hom nao|thang nao|bao lau nua|con bao lau|when|what date) /;
const MINE = / (cua (toi|minh|em|tui|to|tao|chau|anh|chi)|ten mien (toi|minh|em|tui)|domain (toi|minh|em|tui)|my|mine|(toi|minh|em|tui) (da )?(dang ky|dk)) /;

/** A date typed in the message: a full date, one that does not exist (31/2), or one without its day (3/2025). */
export type TypedDate = { readonly kind: 'date'; readonly date: IsoDate } | { readonly kind: 'impossible' | 'partial'; readonly raw: string };

export function typedDate(text: string, today: IsoDate): TypedDate | undefined {
  const mention = findDates(normalize(text).padded, today)[0];
  if (mention === undefined) return undefined;
  if (mention.date !== undefined) return { kind: 'date', date: mention.date };
  return { kind: mention.impossible ? 'impossible' : 'partial', raw: mention.raw };
}

/** The track a message names: a domain's suffix, or "id.vn" / "biz.vn" said alone. */
function trackIn(text: string): Track | undefined {
  const domain = findDomain(text);
  if (domain !== undefined) return domain.track;
  const folded = flat(text);
  if (/ biz ?\.? ?vn /.test(folded)) return 'biz.vn';
  if (/ id ?\.? ?vn /.test(folded)) return 'id.vn';
  return undefined;
}

/** About the domain (not an age, a birthday or a business's own deadline). */
const DOMAIN_CUE = / (ten mien|domain|id ?\.? ?vn|biz ?\.? ?vn|mien phi|free) /;
const REGISTERED_CUE = / (dang ky|dang ki|dk|dky|registered|register) /;
const OTHER_SUBJECT = / (sinh|tuoi|born|birth|birthday|thanh lap|cong ty|cty|doanh nghiep|uu dai|dieu kien) /;

/** "tên miền của tôi hết hạn miễn phí khi nào", or "đăng ký ngày 15/3/2025 thì hết miễn phí khi nào". */
export function asksFreeUntil(text: string, today: IsoDate): boolean {
  if (text.length > 200) return false;
  const folded = flat(text);
  if (!EXPIRY.test(folded) || !WHEN.test(folded) || OTHER_SUBJECT.test(folded)) return false;
  if (MINE.test(folded) && DOMAIN_CUE.test(folded)) return true;
  return REGISTERED_CUE.test(folded) && typedDate(text, today) !== undefined;
}

const RENEWED = [/ (da|vua|moi|minh da|em da|toi da|tui da) gia han /, / gia han (xong|roi|thanh cong|duoc roi) /, / (i have|i ve|i just|just) renewed /, /^ renewed /];
const NOT_RENEWED = / (chua|the nao|lam sao|khong|ko|hok|bao nhieu|o dau|how|not|when|tu dong|giay phep|giay chung nhan|hop dong|can cuoc|cccd|ho chieu|visa|bao hiem|license|passport) |\?/;

/** "mình đã gia hạn rồi", "đã gia hạn hoten.id.vn": the person renewed (the track when a domain says it). */
export function renewedClaim(text: string): { track?: Track } | undefined {
  if (text.length > 200) return undefined;
  const folded = flat(text);
  if (!RENEWED.some((p) => p.test(folded)) || NOT_RENEWED.test(folded.replace(/\S+\.(id|biz)\.vn/g, ' '))) return undefined;
  const track = trackIn(text);
  return track === undefined ? {} : { track };
}

const OPT_IN = /^ (nhac|hay nhac|nho nhac) (minh |em |toi |tui )?(gia han|truoc khi het mien phi|khi het mien phi)( ten mien)?( (id|biz) ?\.? ?vn)? $|^ remind me to renew( (id|biz) ?\.? ?vn)? $/;

/** "nhắc gia hạn", "nhắc gia hạn biz.vn": asking for the reminders (after staff recorded a registration). */
export function asksReminders(text: string): { track?: Track } | undefined {
  if (!OPT_IN.test(flat(text).replace(/ +/g, ' '))) return undefined;
  const track = trackIn(text);
  return track === undefined ? {} : { track };
}
