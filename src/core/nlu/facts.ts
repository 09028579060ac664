/**
 * Facts about the person that change the answer (issue #17): citizenship ("người Hàn Quốc",
 * "quốc tịch Trung Quốc", "I'm a foreigner" → not a citizen; "Việt kiều" → ask), an age about to
 * change ("tuần sau em tròn 24" → 23 now), and a partial founding date ("thành lập tháng 5 năm
 * ngoái", "công ty mẹ thành lập năm 2015"). Read on folded, canonical text (`padded`).
 */
import { splitDate, type IsoDate } from '../calendar.js';
import type { DateMention } from './dates.js';
import type { Signals } from './types.js';

/** Nationalities as written after "người" or "quốc tịch" (never ethnic groups of Vietnam: Thái, Hoa, Mông…). */
const NATIONS = [
  'nuoc ngoai', 'han quoc', 'han', 'trung quoc', 'nhat ban', 'nhat', 'my', 'hoa ky', 'phap', 'duc', 'anh quoc', 'nga',
  'lao(?! dong)', 'campuchia', 'cam pu chia', 'thai lan', 'dai loan', 'uc', 'an do', 'philippines', 'indonesia', 'malaysia',
  'singapore', 'canada', 'y', 'tay ban nha', 'ha lan', 'trieu tien', 'hong kong', 'brazil', 'nigeria',
].join('|');
const NATION_AFTER = String.raw`(?:${NATIONS})(?= )`;
const FOREIGN = new RegExp(
  String.raw`(?<= )(?:(?:la |minh la |toi la |em la )?nguoi (?:nuoc )?${NATION_AFTER}|quoc tich (?:la )?${NATION_AFTER}|cong dan (?:nuoc )?${NATION_AFTER}|khong phai (?:la )?(?:nguoi|cong dan) viet(?: nam)?|khong co quoc tich viet(?: nam)?)`,
);
const ENGLISH_FOREIGN =
  /\b(?:foreigner|foreign national|not (?:a )?vietnamese(?: citizen)?|(?:i am|i'm|im) (?:a )?(?:korean|chinese|japanese|american|french|german|british|australian|russian|taiwanese|indian|canadian)|(?:korean|chinese|japanese|american|french|german|british|australian|russian|taiwanese|canadian) (?:citizen|national|passport))\b/;
const NOT_FOREIGN = new RegExp(String.raw`(?<= )(?:khong phai|chang phai|dau phai) (?:la )?(?:nguoi (?:nuoc )?${NATION_AFTER}|nguoi nuoc ngoai)`);
const OVERSEAS = /(?<= )(?:viet kieu|kieu bao|dinh cu (?:o )?nuoc ngoai|song o nuoc ngoai|nguoi viet (?:o|tai) nuoc ngoai)(?= )|\boverseas vietnamese\b/;
const LOST_CITIZENSHIP = /(?<= )(?:khong|chua|khong con|da thoi|thoi|bo|mat) (?:co |con |mang |giu )?quoc tich viet(?: nam)?(?= )/;
const VIETNAMESE_CITIZEN = /(?<= )(?:(?:co|con|van con|giu|van giu|mang) quoc tich viet(?: nam)?|(?:la )?cong dan viet nam)(?= )/;

/** Not a citizen (true), a Vietnamese abroad whose citizenship is unknown ('overseas'), or nothing said. */
const CITIZEN_WORDS = /nguoi|quoc tich|cong dan|kieu|nuoc ngoai|foreign|vietnamese|korean|chinese|japanese|american|french|german|british|australian|russian|taiwanese|canadian/;

export function findCitizenship(padded: string, folded: string): Pick<Signals, 'foreigner' | 'overseas' | 'citizen'> {
  if (!CITIZEN_WORDS.test(folded)) return {};
  if (LOST_CITIZENSHIP.test(padded)) return { foreigner: true };
  if (VIETNAMESE_CITIZEN.test(padded)) return { citizen: true };
  if (NOT_FOREIGN.test(padded)) return {};
  if (OVERSEAS.test(padded) || OVERSEAS.test(folded)) return { overseas: true };
  if (FOREIGN.test(padded) || ENGLISH_FOREIGN.test(folded)) return { foreigner: true };
  return {};
}

/** "mai", "tuần sau", "tháng sau", "sắp"… then "tròn / đủ / lên / sang (tuổi) N". */
const TURNING = new RegExp(
  String.raw`(?<= )(ngay mai|mai|tuan sau|tuan toi|thang sau|thang toi|nam sau|sap|gan|vai hom nua|may hom nua|it hom nua|cuoi tuan nay|cuoi thang nay|cuoi thang)(?: (?:la|thi|nua))?(?: (?:em|toi|minh|con|chau|no|be|anh|chi|ban|nguoi ta))?(?: (?:la|se|moi|sap|da))? (?:tron|du|len|sang|buoc sang|vao) (?:tuoi )?(\d{1,2})(?= )`,
);
const WHEN: Readonly<Record<string, NonNullable<Signals['turning']>['when']>> = {
  'ngay mai': 'tomorrow', mai: 'tomorrow', 'tuan sau': 'week', 'tuan toi': 'week', 'cuoi tuan nay': 'week',
  'vai hom nua': 'week', 'may hom nua': 'week', 'it hom nua': 'week', 'thang sau': 'month', 'thang toi': 'month',
  'cuoi thang nay': 'month', 'cuoi thang': 'month', 'nam sau': 'year', sap: 'soon', gan: 'soon',
};

/** "tuần sau em tròn 24": the age N they are about to reach and when. */
export function findTurning(padded: string): Signals['turning'] {
  if (!/ (?:tron|du|len|sang|vao) /.test(padded)) return undefined;
  const match = TURNING.exec(padded);
  const age = Number(match?.[2]);
  const when = WHEN[match?.[1] ?? ''];
  if (match === null || when === undefined || !(age >= 1 && age <= 120)) return undefined;
  return { age, when };
}

const FOUNDED = /(?<= )(?:thanh lap|dang ky kinh doanh|dang ky doanh nghiep|dang ky lan dau|cap phep|khai truong|mo cong ty|lap cong ty|ra doi|lap(?= (?:nam|tu|vao|thang|hoi) ))(?= )/g;
const YEAR_AFTER = /^(?: (?:tu|vao|trong|hoi|tai|duoc|la|nam|thang \d{1,2}|cuoi|dau|giua))*(?: nam)? (\d{4}|nay|ngoai|truoc|kia)(?= )/;
const YEAR_OFFSET: Readonly<Record<string, number>> = { nay: 0, ngoai: -1, truoc: -1, kia: -2 };
const PARENT = /(?<= )(?:cong ty me|doanh nghiep me|tong cong ty|tru so chinh)(?= )/;
const SUBSIDIARY = /(?<= )(?:cong ty con|doanh nghiep con)(?= )/;

/**
 * A founding date known to the month or year only, when no full date is given: a month mention
 * ("tháng 5 năm ngoái") or a year ("thành lập năm 2015") right after a founding word.
 */
export function findFoundedPartly(padded: string, dates: readonly DateMention[], today: IsoDate): Signals['foundedPartly'] {
  if (!/lap|dang ky|cap phep|khai truong|mo cong ty|ra doi/.test(padded)) return undefined;
  const thisYear = splitDate(today).year;
  for (const cue of padded.matchAll(FOUNDED)) {
    const end = cue.index + cue[0].length;
    const mention = dates.find((d) => d.at >= end && d.at - end <= 12);
    if (mention !== undefined) {
      if (mention.day !== undefined || mention.year === undefined || mention.month === undefined) return undefined;
      return { year: mention.year, month: mention.month };
    }
    const year = YEAR_AFTER.exec(padded.slice(end));
    const word = year?.[1];
    if (word === undefined) continue;
    const value = /^\d{4}$/.test(word) ? Number(word) : thisYear + (YEAR_OFFSET[word] ?? 0);
    if (value >= 1900 && value <= thisYear) return { year: value };
  }
  return undefined;
}

/** The business spoken of is a parent company ("công ty mẹ"), or a subsidiary with its own certificate. */
export function findParent(padded: string): Pick<Signals, 'parentCompany' | 'subsidiary'> {
  if (SUBSIDIARY.test(padded)) return { subsidiary: true };
  return PARENT.test(padded) ? { parentCompany: true } : {};
}

const BORN = /(?<= )(?:sinh|ngay sinh|sn|de|nam sinh)(?: (?:vao|hoi|ngay))?$/;

/** "sinh tháng 3/2008": a birth month and year without the day (it may settle the id.vn answer). */
export function findBornPartly(padded: string, dates: readonly DateMention[]): Signals['bornPartly'] {
  for (const mention of dates) {
    if (mention.day !== undefined || mention.month === undefined || mention.year === undefined) continue;
    if (BORN.test(padded.slice(Math.max(0, mention.at - 20), mention.at).trimEnd())) return { year: mention.year, month: mention.month };
  }
  return undefined;
}
