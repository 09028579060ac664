/**
 * Words whose meaning depends on their neighbours: Central and Southern speech ("ở mô" = ở
 * đâu, "làm răng" = làm sao, "rứa" = vậy, "ri" = này, "làm chi" = làm gì, "mần" = làm, "hen" = nhé) and
 * "đẻ năm 2008" (= sinh năm). All tokens are folded, so "mô" is also "mở", "răng" also
 * "rằng"/"răng" (tooth), "chi" also "chị" / "chi nhánh": each is rewritten only where the
 * regional reading is the only sensible one.
 */

/** Before "mô": "ở mô", "đi mô", "chỗ mô" (not "mới mở"). */
const WHERE_BEFORE = new Set(['o', 'di', 'den', 'toi', 'cho', 'noi', 'ben', 'phia', 'tu', 've', 'nao']);
/** Before "răng": "làm răng", "vì răng", "thì răng" (not "đau răng", "nói rằng"). */
const HOW_BEFORE = new Set(['lam', 'vi', 'la', 'the', 'thi', 'man', 'chi', 'ra', 'tinh']);
/** After "răng"/"chi": end-of-question particles. */
const PARTICLE_AFTER = new Set(['rua', 'ri', 'nay', 'ha', 'he', 'vay', 'ad', 'admin', 'a', 'nhe', 'the', 'roi', 'nua', 'rang']);
/** Before "chi" = gì: "làm chi", "là chi", "cần chi", "lợi chi", "giấy tờ chi". */
const WHAT_BEFORE = new Set(['lam', 'la', 'cai', 'can', 'noi', 'loi', 'co', 'to', 'de', 'viec', 'biet', 'hoi', 'nhung', 'gi']);
/** After "chi" as chi nhánh, chi đoàn, chi phí …: never "gì". */
const CHI_NOUN_AFTER = new Set(['nhanh', 'doan', 'phi', 'tieu', 'tiet', 'bo', 'cuc', 'hoi', 'tra']);
/** After "rửa": the thing washed. */
const WASHED = new Set(['xe', 'tay', 'bat', 'mat', 'chen', 'rau', 'tien', 'anh', 'chan']);
/** After "mần": "mần răng", "mần chi", "mần sao". */
const DO_AFTER = new Set(['rang', 'sao', 'gi', 'chi', 'viec', 'the', 'nhu', 'an']);

const YEAR = /^(?:19[4-9]\d|20[01]\d|2020|\d{2}|2k\d{0,2})$/;
const OLD_DATE = /^\d{1,2}[./-]\d{1,2}[./-](?:19[4-9]\d|20[01]\d|2020)$/;

/** "đẻ" before a past year or a birth date: "đẻ năm 2008", "đẻ 2006", "đẻ ngày 3/2/2006". */
function isBirth(next: string | undefined, after: string | undefined): boolean {
  if (next === undefined) return false;
  if (YEAR.test(next) && /^(?:19|20|2k)/.test(next)) return true;
  if (OLD_DATE.test(next)) return true;
  if (next === 'nam' && after !== undefined && YEAR.test(after)) return true;
  return (next === 'ngay' || next === 'thang') && after !== undefined && OLD_DATE.test(after);
}

/** The canonical word for a regional or context-bound token, or undefined to leave it. */
export function expandRegional(
  token: string,
  prev: string | undefined,
  next: string | undefined,
  after: string | undefined,
): string | undefined {
  switch (token) {
    case 'mo':
      return prev !== undefined && WHERE_BEFORE.has(prev) ? 'dau' : undefined;
    case 'rang':
      if (prev !== undefined && HOW_BEFORE.has(prev)) return 'sao';
      return next !== undefined && PARTICLE_AFTER.has(next) && prev !== 'dau' && prev !== 'noi' ? 'sao' : undefined;
    case 'rua':
      return next !== undefined && WASHED.has(next) ? undefined : 'vay';
    case 'chi':
      if (next !== undefined && CHI_NOUN_AFTER.has(next)) return undefined;
      if (prev !== undefined && WHAT_BEFORE.has(prev)) return 'gi';
      return next === 'rua' || next === 'ri' || next === 'he' ? 'gi' : undefined;
    case 'man':
      return next !== undefined && DO_AFTER.has(next) ? 'lam' : undefined;
    case 'ri':
      return prev === 'ro' ? undefined : 'nay';
    case 'hen':
      return next === 'gap' || next === 'lich' || next === 'ngay' ? undefined : 'nhe';
    case 'de':
      return isBirth(next, after) ? 'sinh' : undefined;
    default:
      return undefined;
  }
}
