import type { IsoDate } from '../calendar.js';

export type Track = 'id.vn' | 'biz.vn';
export const TRACKS: readonly Track[] = ['id.vn', 'biz.vn'];

export type Outcome = 'eligible' | 'not_eligible' | 'undetermined';

/** Stable reason codes: stored with each check, exported, and keys of `result.reason.*` texts. */
export const REASONS = [
  // id.vn
  'idvn_age_in_range',
  'idvn_under_18',
  'idvn_over_23',
  'idvn_birth_year_boundary',
  'idvn_not_citizen',
  // biz.vn
  'bizvn_enterprise_within_year',
  'bizvn_enterprise_over_year',
  'bizvn_dependent_unit',
  'bizvn_household_certified',
  'bizvn_household_no_certificate',
  // both
  'program_not_open',
] as const;
export type Reason = (typeof REASONS)[number];

export type CheckResult = {
  track: Track;
  outcome: Outcome;
  reason: Reason;
  /** Last eligible day (id.vn: day before the 24th birthday; biz.vn: E + 1 year). */
  until?: IsoDate;
  /** First eligible day, for the under-18 (18th birthday). */
  from?: IsoDate;
};

export type ProgramWindow = { start: IsoDate; end: IsoDate };

/** The policy's numbers (data/program.json `rules`): a change of ages or of the enterprise window is a data edit. */
export type EligibilityRules = { idvnMinAge: number; idvnMaxAge: number; bizvnEnterpriseYears: number };

/** RULES.md: id.vn from the 18th birthday to the day before the 24th; biz.vn within 1 year of establishment. */
export const DEFAULT_RULES: EligibilityRules = { idvnMinAge: 18, idvnMaxAge: 23, bizvnEnterpriseYears: 1 };
