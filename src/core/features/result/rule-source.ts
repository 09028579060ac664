/**
 * Which rule a result applied and where it comes from (issue #11): "Quy tắc:
 * từ đủ 18 đến trước sinh nhật 24 tuổi — Kế hoạch …, QĐ 507/QĐ-BKHCN". The
 * numbers come from data/program.json `rules` and the source from
 * `sources.rules` and `program.decision`, so a change of policy is a data edit.
 */
import type { Reason } from '../../eligibility/types.js';
import { text, type Text } from '../../message.js';
import type { ProgramData } from '../../program.js';

const RULE_OF_REASON: Readonly<Record<Reason, string | undefined>> = {
  idvn_age_in_range: 'idvn_age',
  idvn_under_18: 'idvn_age',
  idvn_over_23: 'idvn_age',
  idvn_birth_year_boundary: 'idvn_age',
  idvn_not_citizen: 'idvn_citizen',
  bizvn_enterprise_within_year: 'bizvn_enterprise',
  bizvn_enterprise_over_year: 'bizvn_enterprise',
  bizvn_dependent_unit: 'bizvn_dependent',
  bizvn_household_certified: 'bizvn_household',
  bizvn_household_no_certificate: 'bizvn_household',
  program_not_open: undefined,
};

/** The policy's numbers as text params: `minAge`, `maxAge`, `endAge` (the birthday it ends on), `bizYears`. */
export function ruleParams(data: ProgramData): Record<string, string> {
  const { idvnMinAge, idvnMaxAge, bizvnEnterpriseYears } = data.rules;
  return { minAge: String(idvnMinAge), maxAge: String(idvnMaxAge), endAge: String(idvnMaxAge + 1), bizYears: String(bizvnEnterpriseYears) };
}

export function ruleSource(data: ProgramData): string {
  return [data.sources.rules, data.program.decision].filter((part) => part.trim() !== '').join(', ');
}

/** "Quy tắc: … — <source>" for a result's reason; undefined for a reason without a rule of its own. */
export function ruleLine(data: ProgramData, reason: Reason): Text | undefined {
  const rule = RULE_OF_REASON[reason];
  if (rule === undefined) return undefined;
  return text('rules.line', { rule: text(`rules.${rule}`, ruleParams(data)), source: ruleSource(data) });
}
