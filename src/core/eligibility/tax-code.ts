/**
 * Business identifiers (RULES.md "Identifiers"): optional, never required, validated when given
 * so the bot can say what is wrong. Nothing here stores anything; callers must never store a
 * 12-digit personal ID (`kind: 'personal_id'`).
 */

export type CodeKind = 'enterprise' | 'household_old' | 'personal_id';
export type CodeProblem = 'length' | 'characters' | 'check_digit' | 'suffix';

export type CodeCheck =
  | { ok: true; kind: CodeKind; dependent: boolean }
  | { ok: false; problem: CodeProblem };

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;
/** Household-business number before 1/7/2025: 2 digits, a digit or letter, "8", 6 digits. */
const HOUSEHOLD_OLD = /^\d{2}[0-9A-Z]8\d{6}$/;
const PERSONAL_ID = /^\d{12}$/;

/**
 * The tenth digit of an enterprise code: 10 − (weighted sum mod 11). When that is 10 no single
 * digit matches, so no valid code starts with those nine digits (undefined).
 */
export function enterpriseCheckDigit(firstNine: string): number | undefined {
  if (!/^\d{9}$/.test(firstNine)) return undefined;
  let sum = 0;
  WEIGHTS.forEach((weight, i) => {
    sum += weight * Number(firstNine[i]);
  });
  const check = 10 - (sum % 11);
  return check === 10 ? undefined : check;
}

/** Spaces and dots are how people group digits ("0100 233 488", "01.00.233.488"). */
function clean(raw: string): string {
  return raw.replace(/[\s.]/g, '');
}

/** An enterprise code (= tax code): 10 digits, optionally `-NNN` for a dependent unit. */
export function checkEnterpriseCode(raw: string): CodeCheck {
  const code = clean(raw);
  if (code === '') return { ok: false, problem: 'length' };
  if (!/^[\d-]+$/.test(code)) return { ok: false, problem: 'characters' };
  const dash = code.indexOf('-');
  // Without a dash, 13 digits are a code and its suffix typed together ("0314409058002").
  if (dash === -1 && code.length !== 10 && code.length !== 13) return { ok: false, problem: 'length' };
  const base = dash === -1 ? code.slice(0, 10) : code.slice(0, dash);
  const suffix = dash === -1 ? code.slice(10) : code.slice(dash + 1);
  if (base.length !== 10) return { ok: false, problem: 'length' };
  const dependent = dash !== -1 || suffix !== '';
  if (dependent && (!/^\d{3}$/.test(suffix) || suffix === '000')) return { ok: false, problem: 'suffix' };
  if (enterpriseCheckDigit(base.slice(0, 9)) !== Number(base[9])) return { ok: false, problem: 'check_digit' };
  return { ok: true, kind: 'enterprise', dependent };
}

/** A household-business number: the old format, a tax code, or the owner's 12-digit personal ID. */
export function checkHouseholdNumber(raw: string): CodeCheck {
  const code = clean(raw).toUpperCase();
  if (HOUSEHOLD_OLD.test(code)) return { ok: true, kind: 'household_old', dependent: false };
  if (PERSONAL_ID.test(code)) return { ok: true, kind: 'personal_id', dependent: false };
  if (/^[0-9A-Z]+$/.test(code) && /[A-Z]/.test(code)) {
    return { ok: false, problem: code.length === 10 ? 'characters' : 'length' };
  }
  return checkEnterpriseCode(code);
}
