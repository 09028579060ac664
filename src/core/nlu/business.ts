/**
 * The kind of business a person says they run. A business word counts only when the message
 * is about the person's own business: a pronoun or "có/mở/là" next to it ("công ty tôi",
 * "tôi có hộ kinh doanh", "bên em là công ty TNHH"), or a founding date / registration.
 * "tên miền cho doanh nghiệp" (a general question) names no business type.
 * A shop (tiệm, quán, cửa hàng) is a household business only when it holds a licence.
 */
import type { BusinessType } from './types.js';

const ENTERPRISE = ['cong ty', 'doanh nghiep', 'tnhh', 'co phan', 'startup'];
const HOUSEHOLD = ['ho kinh doanh', 'ho ca the', 'kinh doanh ca the', 'ho gia dinh kinh doanh'];
const SHOP = ['tiem', 'quan', 'cua hang', 'shop', 'sap', 'quay'];

const PRONOUN_BEFORE = new Set(['toi', 'minh', 'em', 'nha', 'ben', 'chung', 'tao', 'my', 'our']);
/** "có / mở / là / chủ" right before the business word, or before "một": "tôi có một công ty". */
const HAVE_BEFORE = new Set(['co', 'mo', 'la', 'chu', 'lap', 'so huu']);
const OWN_AFTER = new Set(['toi', 'minh', 'em', 'cua', 'nha', 'chung', 'ben', 'moi', 'vua', 'thanh', 'anh', 'chi']);
const FOUNDING = /(?<= )(?:thanh lap|moi mo|vua mo|khai truong|dang ky lan dau|cap phep)(?= )/;

type Found = { type: BusinessType; own: boolean; at: number };

function occurrences(tokens: readonly string[], padded: string, phrases: readonly string[], type: BusinessType): Found[] {
  const found: Found[] = [];
  for (const phrase of phrases) {
    if (!padded.includes(` ${phrase} `)) continue;
    const words = phrase.split(' ');
    for (let i = 0; i + words.length <= tokens.length; i++) {
      if (!words.every((w, k) => tokens[i + k] === w)) continue;
      const before = tokens.slice(Math.max(0, i - 3), i);
      const after = tokens.slice(i + words.length, i + words.length + 2);
      const have = HAVE_BEFORE.has(tokens[i - 1] ?? '') || (tokens[i - 1] === 'mot' && HAVE_BEFORE.has(tokens[i - 2] ?? ''));
      // "tên công ty" names a company's name, not the person's company: a pronoun before it is not theirs.
      const named = tokens[i - 1] === 'ten';
      const own = have || (!named && before.some((t) => PRONOUN_BEFORE.has(t))) || after.some((t) => OWN_AFTER.has(t));
      found.push({ type, own, at: i });
    }
  }
  return found;
}

/**
 * @param founded the message gives a founding date or founding words for the business.
 * @param hasCertificate the `hasCertificate` signal of the same message.
 */
export function findBusinessType(
  tokens: readonly string[],
  padded: string,
  founded: boolean,
  hasCertificate: boolean | undefined,
): BusinessType | undefined {
  const about = [...occurrences(tokens, padded, HOUSEHOLD, 'household'), ...occurrences(tokens, padded, ENTERPRISE, 'enterprise')];
  const mentioned = about.sort((a, b) => a.at - b.at);
  const contextual = founded || FOUNDING.test(padded) || hasCertificate !== undefined;
  const chosen = mentioned.find((f) => f.own) ?? (contextual ? mentioned[0] : undefined);
  if (chosen !== undefined) return chosen.type;
  if (hasCertificate === true && occurrences(tokens, padded, SHOP, 'household').length > 0) return 'household';
  return undefined;
}
