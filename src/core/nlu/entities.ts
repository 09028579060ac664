/**
 * Entities per the eval schema (age, birthYear, birthDate, establishedDate, businessType).
 * Labelling convention (../shared/eval/README.md and the dev set):
 * - A date is a birth date after "sinh / ngày sinh / sn", an establishment date after
 *   "thành lập / đăng ký kinh doanh / khai trương"; with neither, it is an establishment date
 *   when the message is about a business, else a birth date.
 * - establishedDate needs a known day: "10/01/2026", "ngày 5 tháng 3 năm ngoái", "10/3" (latest
 *   past 10 March), "thành lập hôm qua". A month alone ("tháng 3 năm nay") or a duration
 *   ("được 2 năm") gives none — the flow asks for the date on the certificate.
 * - A birth date suppresses birthYear (it is implied); "sinh tháng 3/2004" gives birthYear 2004.
 * - Impossible dates give no entity (see the impossibleDate signal).
 */
import type { IsoDate } from '../calendar.js';
import { findAge, findBirthYear } from './ages.js';
import { findBusinessType } from './business.js';
import type { DateMention } from './dates.js';
import type { Normalized } from './normalize.js';
import type { Entities, Signals } from './types.js';

const BIRTH_CUE = /(?<= )(?:sinh|ngay sinh|nam sinh|sn|dob|birthday|sinh nhat|de ngay|de nam|de thang|ngay de)(?= )/;
const FOUNDING_CUE =
  /(?<= )(?:thanh lap|dang ky kinh doanh|dang ky doanh nghiep|dang ky lan dau|cap phep|cap giay|khai truong|mo cong ty|ra doi|hoat dong tu|lap cong ty)(?= )/;
const BUSINESS_CONTEXT =
  /(?<= )(?:cong ty|doanh nghiep|ho kinh doanh|ho ca the|bizvn|kinh doanh|cua hang|tnhh|startup|co phan)(?= )/;

type DateKind = 'birth' | 'founding';

/** True when the message speaks of founding or registering a business. */
export const isFoundingContext = (padded: string): boolean => FOUNDING_CUE.test(padded);

/** Up to `chars` characters of `padded` before offset `at`, padded with a leading space. */
const before = (padded: string, at: number, chars: number): string => ` ${padded.slice(Math.max(0, at - chars), at)}`;

const BIRTH_CUES = new RegExp(BIRTH_CUE.source, 'g');
const FOUNDING_CUES = new RegExp(FOUNDING_CUE.source, 'g');

function lastIndex(text: string, cues: RegExp): number {
  let last = -1;
  for (const match of text.matchAll(cues)) last = match.index;
  return last;
}

/** Whose date this is: the nearest cue before it wins; "hôm qua" needs a cue right before it. */
function kindOf(padded: string, mention: DateMention): DateKind | undefined {
  const near = before(padded, mention.at, mention.relative === true ? 16 : 40);
  const lastBirth = lastIndex(near, BIRTH_CUES);
  const lastFounding = lastIndex(near, FOUNDING_CUES);
  if (lastBirth >= 0 || lastFounding >= 0) return lastFounding > lastBirth ? 'founding' : 'birth';
  if (mention.relative === true) return undefined;
  return BUSINESS_CONTEXT.test(padded) ? 'founding' : 'birth';
}

/** The dated facts: the first usable birth date, establishment date and month-only birth year. */
type DatedFacts = { birthDate?: IsoDate; establishedDate?: IsoDate; birthYear?: number };

function datedFacts(padded: string, dates: readonly DateMention[]): DatedFacts {
  let birthDate: IsoDate | undefined;
  let establishedDate: IsoDate | undefined;
  let birthYear: number | undefined;
  for (const mention of dates) {
    if (mention.impossible) continue;
    const kind = kindOf(padded, mention);
    if (kind === 'founding' && mention.date !== undefined) establishedDate ??= mention.date;
    if (kind !== 'birth') continue;
    if (mention.date !== undefined && mention.inferredYear !== true && mention.relative !== true) {
      birthDate ??= mention.date;
    } else if (mention.day === undefined && mention.year !== undefined) {
      birthYear ??= mention.year;
    }
  }
  const facts: DatedFacts = {};
  if (birthDate !== undefined) facts.birthDate = birthDate;
  if (establishedDate !== undefined) facts.establishedDate = establishedDate;
  if (birthYear !== undefined) facts.birthYear = birthYear;
  return facts;
}

export function extractEntities(
  n: Normalized,
  dates: readonly DateMention[],
  signals: Signals,
  today: IsoDate,
): Entities {
  const facts = datedFacts(n.padded, dates);
  const entities: Entities = {};
  const age = findAge(n.tokens, n.padded);
  if (age !== undefined) entities.age = age;
  if (facts.birthDate === undefined) {
    const birthYear = findBirthYear(n.padded, today) ?? facts.birthYear;
    if (birthYear !== undefined) entities.birthYear = birthYear;
  } else {
    entities.birthDate = facts.birthDate;
  }
  if (facts.establishedDate !== undefined) entities.establishedDate = facts.establishedDate;
  const founded = facts.establishedDate !== undefined;
  const businessType = findBusinessType(n.tokens, n.padded, founded, signals.hasCertificate);
  if (businessType !== undefined) entities.businessType = businessType;
  return entities;
}
