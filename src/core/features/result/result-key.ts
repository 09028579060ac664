/** The text of a result: `result.<reason>`, or its variant without a date when none is known. */
import type { CheckResult } from '../../eligibility/types.js';

export function resultKey(result: CheckResult): string {
  if (result.reason === 'idvn_age_in_range' && result.until === undefined) return 'result.idvn_age_in_range_no_date';
  if (result.reason === 'idvn_under_18' && result.from === undefined) return 'result.idvn_under_18_no_date';
  if (result.reason === 'bizvn_enterprise_over_year' && result.until === undefined) return 'result.bizvn_enterprise_over_year_no_date';
  if (result.reason === 'bizvn_enterprise_within_year' && result.until === undefined) return 'result.bizvn_enterprise_within_year_no_date';
  return `result.${result.reason}`;
}
