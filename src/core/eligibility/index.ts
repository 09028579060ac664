/** Eligibility for both tracks, with the program window applied first. Pure; never throws. */
import { isIsoDate } from '../calendar.js';
import type { IsoDate } from '../calendar.js';
import { checkBizvn } from './bizvn.js';
import type { BizvnFacts } from './bizvn.js';
import { checkIdvn } from './idvn.js';
import type { IdvnFacts, InvalidFacts } from './idvn.js';
import { isProgramOpen, programNotOpen } from './program-window.js';
import { DEFAULT_RULES, type CheckResult, type EligibilityRules, type ProgramWindow } from './types.js';

export type EligibilityInput = ({ track: 'id.vn' } & IdvnFacts) | ({ track: 'biz.vn' } & BizvnFacts);

export function checkEligibility(
  input: EligibilityInput,
  today: IsoDate,
  window: ProgramWindow,
  rules: EligibilityRules = DEFAULT_RULES,
): CheckResult | InvalidFacts {
  if (!isIsoDate(today)) return { invalid: 'impossible_date', field: 'today' };
  if (!isProgramOpen(window, today)) return programNotOpen(input.track);
  return input.track === 'id.vn' ? checkIdvn(input, today, rules) : checkBizvn(input, today, rules);
}

export { checkIdvn, idvnFirstDay, idvnLastDay, isInvalidFacts, MIN_AGE, MAX_AGE, OLDEST_AGE, EARLIEST_BIRTH_YEAR } from './idvn.js';
export type { IdvnFacts, InvalidFacts } from './idvn.js';
export { checkBizvn, bizvnLastDay } from './bizvn.js';
export type { BizvnFacts } from './bizvn.js';
export { checkEnterpriseCode, checkHouseholdNumber, enterpriseCheckDigit } from './tax-code.js';
export type { CodeCheck, CodeKind, CodeProblem } from './tax-code.js';
export { isProgramOpen, programNotOpen } from './program-window.js';
export { DEFAULT_RULES, REASONS, TRACKS } from './types.js';
export type { CheckResult, EligibilityRules, Outcome, ProgramWindow, Reason, Track } from './types.js';
