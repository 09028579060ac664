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
