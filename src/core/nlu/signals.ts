/**
 * Engine-only facts ({@link Signals}): a yes/no answer, an impossible date, an enterprise code
 * (and whether it is a dependent unit), a household-business certificate, a non-Vietnamese
 * person, a referral code. None of them is part of the `classify` output.
 */
import type { DateMention } from './dates.js';
import { foldKeepCase, type Normalized } from './normalize.js';
import type { Signals } from './types.js';
import type { IsoDate } from '../calendar.js';
import { findBornPartly, findCitizenship, findFoundedPartly, findParent, findTurning } from './facts.js';
import { isEnglish } from './language.js';
import { findWantsPerson } from './person.js';
import { findResultQuestion } from './result-questions.js';

const YES = new Set(['co', 'roi', 'ok', 'dung', 'vang', 'u', 'chuan', 'phai', 'chac chan', 'yes', 'duoc']);
const NO = new Set(['khong', 'chua', 'sai']);
const LEADING_PARTICLES = new Set(['da', 'a', 'ad', 'admin', 'em', 'oi', 'thi', 'la', 'minh', 'toi']);
const QUESTION_WORDS = /(?<= )(?:gi|sao|nao|bao nhieu|bao gio|o dau|the nao|chua|khong|hay)(?= )/;

/** "có", "dạ có", "rồi ạ", "ok" → true; "không", "ko", "chưa ạ", "k" → false; otherwise undefined. */
export function findYesNo(n: Normalized): boolean | undefined {
  if (n.folded.includes('?')) return undefined;
  const words = n.tokens.filter((t) => t !== 'a' && t !== 'nhe' && t !== 'nha');
  while (words.length > 1 && LEADING_PARTICLES.has(words[0] ?? '')) words.shift();
  const first = words[0];
  if (first === undefined || words.length > 5) return undefined;
  if (NO.has(first)) return false;
  if (!YES.has(first)) return undefined;
  const rest = ` ${words.slice(1).join(' ')} `;
  return QUESTION_WORDS.test(rest) ? undefined : true;
}

const LICENCE = String.raw`(?:giay phep|giay chung nhan|giay dang ky|dang ky (?:ho )?kinh doanh|ma so (?:ho )?kinh doanh)`;
const NO_LICENCE = new RegExp(String.raw`(?<= )(?:chua|khong|chang)(?: (?:co|lam|xin|duoc cap|dang ky))? ${LICENCE}`);
const NOT_REGISTERED = /(?<= )(?:chua|khong)(?: co)? dang ky(?! (?:ten mien|idvn|bizvn|gi|duoc|o dau))/;
const SELLING = /(?<= )(?:ban|kinh doanh|shop|cua hang|tiem|quan|online|buon ban|ho kinh doanh)(?= )/;
const HAS_LICENCE = new RegExp(
  [
    String.raw`(?<= )(?:co|da co|da duoc cap|duoc cap|da lam|da xin|da dang ky) (?:(?!can |phai )\w+ )?${LICENCE}`,
    String.raw`(?<= )da dang ky (?:ho )?kinh doanh`,
    String.raw`dang ky kinh doanh roi`,
  ].join('|'),
);
const HOUSEHOLD_REGISTERED =
  /(?<= )(?:ho kinh doanh|ho ca the|tiem|quan|cua hang|shop)(?: \w+){0,4} (?:da dang ky|da co dang ky|co dang ky kinh doanh|dang ky roi)(?= )/;
const HYPOTHETICAL = /(?<= )(?:can|phai|neu|khi|co can|co phai) (?:co |da )?(?:giay|dang ky)/;

/** True/false when the person says they hold / lack a business registration certificate. */
export function findHasCertificate(padded: string): boolean | undefined {
  if (NO_LICENCE.test(padded)) return false;
  if (NOT_REGISTERED.test(padded) && SELLING.test(padded)) return false;
  if ((HAS_LICENCE.test(padded) || HOUSEHOLD_REGISTERED.test(padded)) && !HYPOTHETICAL.test(padded)) return true;
  return undefined;
}

const NOT_FOREIGNER = /(?<= )khong phai (?:la )?nguoi nuoc ngoai/;
const NATIONALITIES = 'nuoc ngoai|my|han|han quoc|nhat|trung|trung quoc|phap|anh|duc|uc|nga|lao|campuchia|thai|singapore';
const FOREIGNER = new RegExp(
  String.raw`(?<= )(?:nguoi nuoc ngoai|khong phai (?:la )?(?:nguoi|cong dan) viet|quoc tich (?:${NATIONALITIES}))`,
);

export function findForeigner(padded: string): boolean | undefined {
  return !NOT_FOREIGNER.test(padded) && FOREIGNER.test(padded) ? true : undefined;
}

const REFERRAL =
  /(?:\bma\s*(?:gt|gioi\s*thieu)|\bref(?:erral)?(?:\s*code)?|\bcode)\s*(?:la\s+)?([:=#])?\s*([A-Za-z0-9_-]{1,64})(?![A-Za-z0-9_-])/i;

/** "ma GT: ABC123", "mã giới thiệu abc_123", "ref ABC123" → the code as typed. */
export function findReferralCode(text: string): string | undefined {
  const match = REFERRAL.exec(foldKeepCase(text));
  const code = match?.[2];
  if (code === undefined) return undefined;
  return match?.[1] !== undefined || /\d/.test(code) ? code : undefined;
}

const CODE_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** The check digit rule of a 10-digit Vietnamese enterprise (tax) code. */
export function isValidEnterpriseCode(code: string): boolean {
  if (!/^\d{10}$/.test(code)) return false;
  let sum = 0;
  CODE_WEIGHTS.forEach((weight, i) => {
    sum += weight * Number(code[i]);
  });
  return 10 - (sum % 11) === Number(code[9]);
}

const TAX_CONTEXT = /(?<= )(?:ma so thue|ma so doanh nghiep|ma doanh nghiep|ma so|mst|tax)(?= )/;
const PHONE_CONTEXT = /(?<= )(?:so dien thoai|dien thoai|goi|zalo|hotline|lien he|sim)(?= )/;

/** An enterprise code typed in the message and whether it names a dependent unit (-NNN). */
export function findEnterpriseCode(n: Normalized): { code: string; dependent: boolean } | undefined {
  for (const token of n.tokens) {
    const match = /^(\d{10})(?:-(\d{3}))?$/.exec(token);
    if (match === null) continue;
    if (match[2] !== undefined) return { code: token, dependent: true };
    const taxContext = TAX_CONTEXT.test(n.padded);
    if (taxContext || (isValidEnterpriseCode(token) && !PHONE_CONTEXT.test(n.padded))) {
      return { code: token, dependent: false };
    }
  }
  return undefined;
}

/** All signals of one message; `dates` are its date mentions (for impossible dates). */
export function findSignals(n: Normalized, dates: readonly DateMention[], today?: IsoDate): Signals {
  const signals: Signals = {};
  const yesNo = findYesNo(n);
  if (yesNo !== undefined) signals.yesNo = yesNo;
  const impossible = dates.find((d) => d.impossible);
  if (impossible !== undefined) signals.impossibleDate = impossible.raw;
  const code = findEnterpriseCode(n);
  if (code !== undefined) {
    signals.enterpriseCode = code.code;
    signals.dependentUnit = code.dependent;
  }
  const certificate = findHasCertificate(n.padded);
  if (certificate !== undefined) signals.hasCertificate = certificate;
  Object.assign(signals, findCitizenship(n.padded, n.folded));
  if (signals.foreigner !== true && findForeigner(n.padded) === true && signals.citizen !== true) signals.foreigner = true;
  if (signals.foreigner === true) delete signals.overseas;
  const born = dates.length > 0 ? findBornPartly(n.padded, dates) : undefined;
  if (born !== undefined) signals.bornPartly = born;
  const turning = findTurning(n.padded);
  if (turning !== undefined) signals.turning = turning;
  Object.assign(signals, findParent(n.padded));
  const wants = findWantsPerson(n.padded);
  if (wants !== undefined) signals.wantsPerson = wants;
  if (isEnglish(n.text)) signals.english = true;
  if (today !== undefined) {
    const partly = findFoundedPartly(n.padded, dates, today);
    if (partly !== undefined) signals.foundedPartly = partly;
    const question = findResultQuestion(n.padded, dates, today);
    if (question !== undefined) signals.resultQuestion = question;
  }
  const referral = findReferralCode(n.foldedCase);
  if (referral !== undefined) signals.referralCode = referral;
  return signals;
}
