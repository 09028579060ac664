/**
 * `check`: one JSON line in, one JSON line out (the CLI contract; keep it exact).
 *   in:  {"track":"id.vn","birthDate":"2004-03-15","today":"2026-11-23"}
 *   out: {"outcome":"eligible","reason":"idvn_age_in_range","until":"2028-03-14"}
 * A bad line gets {"error":"<what is wrong, in plain English>"} and the next line is read.
 * Pure of process: the caller passes the lines, the clock, the program window and a writer.
 */
import { z } from 'zod';
import { isIsoDate, todayInVietnam } from '../../core/calendar.js';
import type { Clock, IsoDate } from '../../core/calendar.js';
import { checkEligibility, checkEnterpriseCode, checkHouseholdNumber, isInvalidFacts } from '../../core/eligibility/index.js';
import type { CodeProblem, EligibilityInput, EligibilityRules, InvalidFacts, ProgramWindow } from '../../core/eligibility/index.js';

/** `rules`: data/program.json `rules` (the policy's ages and enterprise window); RULES.md's numbers when absent. */
export type CheckDeps = { clock: Clock; window: ProgramWindow; rules?: EligibilityRules };

const EXAMPLE = '{"track":"id.vn","birthDate":"2004-03-15"}';

const isoDate = (field: string) =>
  z
    .string({ error: `"${field}" must be a date written "YYYY-MM-DD", e.g. "2004-03-15"` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `"${field}" must be a date written "YYYY-MM-DD", e.g. "2004-03-15"` })
    .refine(isIsoDate, {
      error: (issue) => `"${field}" ${JSON.stringify(issue.input)} is not a real calendar date; check the day and month`,
    });
const wholeNumber = (field: string) =>
  z.number({ error: `"${field}" must be a number, e.g. 20` }).int({ error: `"${field}" must be a whole number` });
const yesNo = (field: string) => z.boolean({ error: `"${field}" must be true or false` });

const idvnLine = z.strictObject({
  track: z.literal('id.vn'),
  today: isoDate('today').optional(),
  birthDate: isoDate('birthDate').optional(),
  age: wholeNumber('age').optional(),
  birthYear: wholeNumber('birthYear').optional(),
  citizen: yesNo('citizen').optional(),
});

const bizvnLine = z.strictObject({
  track: z.literal('biz.vn'),
  today: isoDate('today').optional(),
  businessType: z.enum(['enterprise', 'household'], { error: '"businessType" must be "enterprise" or "household"' }).optional(),
  establishedDate: isoDate('establishedDate').optional(),
  hasCertificate: yesNo('hasCertificate').optional(),
  dependentUnit: yesNo('dependentUnit').optional(),
  enterpriseCode: z.string({ error: '"enterpriseCode" must be a string, e.g. "0101234567"' }).optional(),
});

type Parsed = { today?: IsoDate | undefined; input: EligibilityInput };

/** Checks one line; always returns exactly one line of JSON and never throws. */
export function checkLine(line: string, deps: CheckDeps): string {
  try {
    const parsed = parseLine(line);
    if (typeof parsed === 'string') return error(parsed);
    const today = parsed.today ?? todayInVietnam(deps.clock);
    const result = checkEligibility(parsed.input, today, deps.window, deps.rules);
    if (isInvalidFacts(result)) return error(describeInvalid(result, parsed.input, today));
    const { outcome, reason, until, from } = result;
    return toLine({ outcome, reason, ...(until === undefined ? {} : { until }), ...(from === undefined ? {} : { from }) });
  } catch (cause) {
    return error(`unexpected failure (${String(cause).slice(0, 120)}); please report this line to the developers`);
  }
}

/** Writes one output line per input line, in order, blank lines included. */
export async function runCheck(
  lines: AsyncIterable<string> | Iterable<string>,
  deps: CheckDeps,
  write: (line: string) => void,
): Promise<void> {
  for await (const line of lines) write(checkLine(line, deps));
}

/** The parsed line, or what is wrong with it. */
function parseLine(line: string): Parsed | string {
  const text = line.trim();
  if (text === '') return `empty line; write one JSON object per line, e.g. ${EXAMPLE}`;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message.slice(0, 120) : 'unreadable';
    return `not valid JSON (${detail}); write one JSON object per line, e.g. ${EXAMPLE}`;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return `each line must be a JSON object, e.g. ${EXAMPLE}`;
  }
  const track: unknown = (raw as Record<string, unknown>)['track'];
  if (track !== 'id.vn' && track !== 'biz.vn') {
    const got = track === undefined ? 'it is missing' : `got ${JSON.stringify(track)?.slice(0, 40) ?? typeof track}`;
    return `"track" must be "id.vn" or "biz.vn" (${got})`;
  }
  if (track === 'id.vn') {
    const result = idvnLine.safeParse(raw);
    if (!result.success) return describeIssue(result.error.issues[0], track);
    const { today, ...input } = result.data;
    return { today, input };
  }
  const result = bizvnLine.safeParse(raw);
  if (!result.success) return describeIssue(result.error.issues[0], track);
  const { today, enterpriseCode, ...input } = result.data;
  if (enterpriseCode === undefined) return { today, input };
  const household = input.businessType === 'household';
  const code = household ? checkHouseholdNumber(enterpriseCode) : checkEnterpriseCode(enterpriseCode);
  if (!code.ok) return describeCode(code.problem, household);
  return { today, input: code.dependent ? { ...input, dependentUnit: true } : input };
}

function describeIssue(issue: z.core.$ZodIssue | undefined, track: string): string {
  if (issue === undefined) return 'the line could not be read';
  if (issue.code === 'unrecognized_keys') {
    const allowed = Object.keys((track === 'id.vn' ? idvnLine : bizvnLine).shape).join(', ');
    return `unknown field ${issue.keys.map((key) => JSON.stringify(key)).join(', ')} for track "${track}"; allowed fields: ${allowed}`;
  }
  return issue.message;
}

function describeCode(problem: CodeProblem, household: boolean): string {
  const shape = household
    ? 'a household-business number is the old 10-character number (e.g. 01A8012345), a 10-digit tax code, or the owner\'s 12-digit personal ID'
    : 'an enterprise code is 10 digits, or 10 digits, "-" and 3 digits for a branch (e.g. 0101234567-001)';
  switch (problem) {
    case 'length':
      return `"enterpriseCode" has the wrong length: ${shape}`;
    case 'characters':
      return `"enterpriseCode" has characters that do not belong: ${shape}`;
    case 'check_digit':
      return '"enterpriseCode" does not add up: its last digit does not match the first nine; copy it again from the certificate';
    case 'suffix':
      return '"enterpriseCode" has a wrong branch suffix: after "-" come 3 digits from 001 to 999 (e.g. 0101234567-001)';
  }
}

function describeInvalid(problem: InvalidFacts, input: EligibilityInput, today: IsoDate): string {
  const { field } = problem;
  const value = (input as Record<string, unknown>)[field];
  switch (problem.invalid) {
    case 'future_date':
      return `"${field}" ${String(value)} is after today (${today}); check the year`;
    case 'impossible_date':
      return `"${field}" ${String(value ?? today)} is not a real calendar date; check the day and month`;
    case 'out_of_range':
      if (field === 'age') return `"age" ${String(value)} is out of range; give a whole number from 0 to 120`;
      if (field === 'birthYear') return `"birthYear" ${String(value)} is too long ago; give a year from 1900 on`;
      return `"${field}" ${String(value)} is more than 120 years ago; check the year`;
    case 'missing':
      return MISSING[field] ?? `"${field}" is missing`;
  }
}

const MISSING: Readonly<Record<string, string>> = {
  birthDate: 'track "id.vn" needs one of "birthDate" (YYYY-MM-DD), "age" or "birthYear"',
  businessType: 'track "biz.vn" needs "businessType": "enterprise" or "household"',
  establishedDate: 'an enterprise needs "establishedDate" (YYYY-MM-DD, the first-registration date on its certificate)',
  hasCertificate: 'a household business needs "hasCertificate": true or false (holds a household-business registration certificate)',
};

function error(message: string): string {
  return toLine({ error: message });
}

/** JSON.stringify never emits a raw newline; U+2028/2029 are escaped so no reader splits the line. */
function toLine(value: Readonly<Record<string, string>>): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
