/**
 * id.vn eligibility (RULES.md "id.vn — young citizens"): Vietnamese citizens from their 18th
 * birthday up to the day before their 24th. Pure: `today` is passed in, nothing throws.
 */
import { addDays, addYears, ageOn, isIsoDate, splitDate } from '../calendar.js';
import type { IsoDate } from '../calendar.js';
import { DEFAULT_RULES, type CheckResult, type EligibilityRules } from './types.js';

/** What a person told us; the most precise fact wins: birthDate > age > birthYear. */
export type IdvnFacts = {
  birthDate?: IsoDate;
  age?: number;
  birthYear?: number;
  /** false when the person says they are not a Vietnamese citizen; undefined = assumed citizen. */
  citizen?: boolean;
};

/** Facts that cannot be checked: the caller re-asks for `field`. Shared by both tracks. */
export type InvalidFacts = {
  invalid: 'future_date' | 'impossible_date' | 'out_of_range' | 'missing';
  field: string;
};

export function isInvalidFacts(value: CheckResult | InvalidFacts): value is InvalidFacts {
  return 'invalid' in value;
}

/** The defaults; the rules in force come from data/program.json `rules` (EligibilityRules). */
export const MIN_AGE = DEFAULT_RULES.idvnMinAge;
export const MAX_AGE = DEFAULT_RULES.idvnMaxAge;
/** Ages and birth years beyond these are typing mistakes, not people. */
export const OLDEST_AGE = 120;
export const EARLIEST_BIRTH_YEAR = 1900;

/** The first day someone born on `birthDate` is eligible (18th birthday; 29 Feb → 1 Mar). */
export function idvnFirstDay(birthDate: IsoDate, minAge: number = MIN_AGE): IsoDate {
  return addYears(birthDate, minAge);
}

/** The last day someone born on `birthDate` is eligible: the day before the 24th birthday. */
export function idvnLastDay(birthDate: IsoDate, maxAge: number = MAX_AGE): IsoDate {
  return addDays(addYears(birthDate, maxAge + 1), -1);
}

export function checkIdvn(facts: IdvnFacts, today: IsoDate, rules: EligibilityRules = DEFAULT_RULES): CheckResult | InvalidFacts {
  if (!isIsoDate(today)) return { invalid: 'impossible_date', field: 'today' };
  const problem = findInvalid(facts, today);
  if (problem) return problem;
  if (facts.citizen === false) return notEligible('idvn_not_citizen');
  if (facts.birthDate !== undefined) return byBirthDate(facts.birthDate, today, rules);
  if (facts.age !== undefined) return byAge(facts.age, rules);
  if (facts.birthYear !== undefined) return byBirthYear(facts.birthYear, today, rules);
  return { invalid: 'missing', field: 'birthDate' };
}

/** Checks every fact that was given, so a wrong one is re-asked even when another would do. */
function findInvalid(facts: IdvnFacts, today: IsoDate): InvalidFacts | undefined {
  const { birthDate, age, birthYear } = facts;
  if (birthDate !== undefined) {
    if (!isIsoDate(birthDate)) return { invalid: 'impossible_date', field: 'birthDate' };
    if (birthDate > today) return { invalid: 'future_date', field: 'birthDate' };
    if (ageOn(birthDate, today) > OLDEST_AGE) return { invalid: 'out_of_range', field: 'birthDate' };
  }
  if (age !== undefined && !(Number.isInteger(age) && age >= 0 && age <= OLDEST_AGE)) {
    return { invalid: 'out_of_range', field: 'age' };
  }
  if (birthYear !== undefined) {
    if (!Number.isInteger(birthYear) || birthYear < EARLIEST_BIRTH_YEAR) return { invalid: 'out_of_range', field: 'birthYear' };
    if (birthYear > splitDate(today).year) return { invalid: 'future_date', field: 'birthYear' };
  }
  return undefined;
}

function byBirthDate(birthDate: IsoDate, today: IsoDate, rules: EligibilityRules): CheckResult {
  const from = idvnFirstDay(birthDate, rules.idvnMinAge);
  if (today < from) return { ...notEligible('idvn_under_18'), from };
  const until = idvnLastDay(birthDate, rules.idvnMaxAge);
  if (today > until) return notEligible('idvn_over_23');
  return { track: 'id.vn', outcome: 'eligible', reason: 'idvn_age_in_range', until };
}

function byAge(age: number, rules: EligibilityRules): CheckResult {
  if (age < rules.idvnMinAge) return notEligible('idvn_under_18');
  if (age > rules.idvnMaxAge) return notEligible('idvn_over_23');
  return { track: 'id.vn', outcome: 'eligible', reason: 'idvn_age_in_range' };
}

/** `today.year - Y` is the age at this year's birthday: 19..23 is safe, 18 and 24 depend on the day. */
function byBirthYear(birthYear: number, today: IsoDate, rules: EligibilityRules): CheckResult {
  const ageThisYear = splitDate(today).year - birthYear;
  if (ageThisYear === rules.idvnMinAge || ageThisYear === rules.idvnMaxAge + 1) {
    return { track: 'id.vn', outcome: 'undetermined', reason: 'idvn_birth_year_boundary' };
  }
  return byAge(ageThisYear, rules);
}

function notEligible(reason: 'idvn_under_18' | 'idvn_over_23' | 'idvn_not_citizen'): CheckResult {
  return { track: 'id.vn', outcome: 'not_eligible', reason };
}
