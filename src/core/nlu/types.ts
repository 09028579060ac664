import type { IsoDate } from '../calendar.js';

/** The intent set of ../shared/eval/README.md. */
export const INTENTS = [
  'greeting',
  'about_program',
  'idvn_info',
  'bizvn_info',
  'check_idvn',
  'check_bizvn',
  'free_what',
  'after_free',
  'how_register',
  'documents',
  'domain_name',
  'support_contact',
  'benefits',
  'privacy',
  'human',
  'thanks_bye',
  'out_of_scope',
  'share_link',
  'staff_stats',
] as const;
export type Intent = (typeof INTENTS)[number];

export type BusinessType = 'enterprise' | 'household';

/** How a person speaks of themselves (features/address/ mirrors it). */
export type SelfForm = 'bac' | 'co' | 'chu' | 'ong' | 'ba' | 'anh' | 'chi' | 'em' | 'toi' | 'minh' | 'con' | 'chau';
/** Whom a question is about when not the person: cháu (grandchild, nephew), con (child), em/anh/chị (sibling). */
export type Subject = 'chau' | 'con' | 'em' | 'anh' | 'chi';
/** A question about a result just given. */
export type ResultQuestion =
  | { kind: 'leap_birthday' }
  | { kind: 'days_left' }
  | { kind: 'last_day' }
  | { kind: 'in_time'; date: IsoDate };

/** Entities as the eval schema names them; dates are ISO `YYYY-MM-DD`. */
export type Entities = {
  age?: number;
  birthYear?: number;
  birthDate?: IsoDate;
  establishedDate?: IsoDate;
  businessType?: BusinessType;
};

/** Facts the engine needs beyond the eval schema; never part of `classify` output. */
export type Signals = {
  /** "có" / "rồi" → true, "không" / "chưa" → false; undefined when the text says neither. */
  yesNo?: boolean;
  /** A date was written but does not exist on the calendar (31/02/2004). */
  impossibleDate?: string;
  /** An enterprise code with a dependent-unit suffix (0101234567-001): a branch or office. */
  dependentUnit?: boolean;
  /** An enterprise code / tax code typed by the person (digits as typed, with the suffix). */
  enterpriseCode?: string;
  /** The person says they hold a household-business certificate (true) or not (false). */
  hasCertificate?: boolean;
  /** The person says they are not a Vietnamese citizen. */
  foreigner?: boolean;
  /** A referral code typed in a first message ("ma GT: ABC123"). */
  referralCode?: string;
  /** "Việt kiều": a Vietnamese abroad; whether they still hold Vietnamese citizenship must be asked. */
  overseas?: boolean;
  /** The person says they hold Vietnamese citizenship ("vẫn còn quốc tịch Việt Nam"). */
  citizen?: boolean;
  /** "tuần sau em tròn 24": the age about to be reached, and when. */
  turning?: { age: number; when: 'tomorrow' | 'week' | 'month' | 'year' | 'soon' };
  /** A founding date known only to the month or the year ("thành lập tháng 5 năm ngoái", "năm 2015"). */
  foundedPartly?: { year: number; month?: number };
  /** A birth month and year without the day ("sinh tháng 3/2008"). */
  bornPartly?: { year: number; month: number };
  /** The founding date given is the parent company's ("công ty mẹ thành lập năm 2015"). */
  parentCompany?: boolean;
  /** The business is a subsidiary ("công ty con"): it has its own certificate and date. */
  subsidiary?: boolean;
  /** How the person speaks of themselves ("bác hỏi cho cháu" → bac). */
  selfForm?: SelfForm;
  /** Whom the question is about, when someone else ("cháu tôi 19 tuổi" → chau). */
  subject?: Subject;
  /** The person asks for a human, or wants to complain: they get the contacts / handoff at once. */
  wantsPerson?: 'human' | 'complaint';
  /** The message is written in English. */
  english?: boolean;
  /** A question about the result just given ("còn mấy ngày", "thứ Hai tuần sau có kịp không"). */
  resultQuestion?: ResultQuestion;
};

export type Understanding = {
  intent: Intent;
  /** 0..1: how sure the classifier is of `intent`. */
  confidence: number;
  entities: Entities;
  signals: Signals;
  /** Runner-up intents, best first, for a clarifying question when confidence is low. */
  alternatives: readonly Intent[];
};

/** Free-text understanding: pure, synchronous, `today` is the reference for relative dates. */
export type Understand = (text: string, today: IsoDate) => Understanding;
