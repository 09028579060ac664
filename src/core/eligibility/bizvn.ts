/**
 * biz.vn eligibility (RULES.md "biz.vn — new enterprises and household businesses").
 * Enterprise: eligible from its establishment date E through E + 1 year (29 Feb → 1 Mar).
 * Household business: eligible with a household-business registration certificate.
 * Dependent units (branches, offices, `0101234567-001`): the parent enterprise registers.
 */
import { addYears, isIsoDate } from '../calendar.js';
import type { IsoDate } from '../calendar.js';
import type { BusinessType } from '../nlu/types.js';
import type { InvalidFacts } from './idvn.js';
import { DEFAULT_RULES, type CheckResult, type EligibilityRules } from './types.js';

export type BizvnFacts = {
  businessType?: BusinessType;
  /** The first-registration date ("Đăng ký lần đầu") on the enterprise certificate. */
  establishedDate?: IsoDate;
  /** Household business: holds a household-business registration certificate. */
  hasCertificate?: boolean;
  /** A branch, representative office or business location of an enterprise. */
  dependentUnit?: boolean;
};

/** The last day an enterprise established on `establishedDate` is eligible (`years` after it, 1 by default). */
export function bizvnLastDay(establishedDate: IsoDate, years: number = DEFAULT_RULES.bizvnEnterpriseYears): IsoDate {
  return addYears(establishedDate, years);
}

export function checkBizvn(facts: BizvnFacts, today: IsoDate, rules: EligibilityRules = DEFAULT_RULES): CheckResult | InvalidFacts {
  if (!isIsoDate(today)) return { invalid: 'impossible_date', field: 'today' };
  const { establishedDate } = facts;
  if (establishedDate !== undefined) {
    if (!isIsoDate(establishedDate)) return { invalid: 'impossible_date', field: 'establishedDate' };
    if (establishedDate > today) return { invalid: 'future_date', field: 'establishedDate' };
  }
  if (facts.dependentUnit === true) return notEligible('bizvn_dependent_unit');
  switch (facts.businessType) {
    case 'enterprise':
      return enterprise(establishedDate, today, rules.bizvnEnterpriseYears);
    case 'household':
      return household(facts.hasCertificate);
    default:
      return { invalid: 'missing', field: 'businessType' };
  }
}

function enterprise(establishedDate: IsoDate | undefined, today: IsoDate, years: number): CheckResult | InvalidFacts {
  if (establishedDate === undefined) return { invalid: 'missing', field: 'establishedDate' };
  const until = bizvnLastDay(establishedDate, years);
  if (today > until) return notEligible('bizvn_enterprise_over_year');
  return { track: 'biz.vn', outcome: 'eligible', reason: 'bizvn_enterprise_within_year', until };
}

function household(hasCertificate: boolean | undefined): CheckResult | InvalidFacts {
  if (hasCertificate === undefined) return { invalid: 'missing', field: 'hasCertificate' };
  if (!hasCertificate) return notEligible('bizvn_household_no_certificate');
  return { track: 'biz.vn', outcome: 'eligible', reason: 'bizvn_household_certified' };
}

function notEligible(
  reason: 'bizvn_enterprise_over_year' | 'bizvn_dependent_unit' | 'bizvn_household_no_certificate',
): CheckResult {
  return { track: 'biz.vn', outcome: 'not_eligible', reason };
}
