import type { IsoDate } from './calendar.js';
import type { EligibilityRules } from './eligibility/types.js';
import type { HandoffData } from './handoff.js';
import type { RenewalSettings } from './renewal/types.js';

/** Staff-editable program facts (data/program.json), validated by src/data.ts. */
export type ProgramData = {
  program: { name: string; decision: string; window: { start: IsoDate; end: IsoDate }; freeYears: number };
  links: { portal: string; whois: string; registrars: string; media: string };
  fees: {
    currency: string;
    source: string;
    idvn: { registration: number; yearly: number };
    bizvn: { registration: number; yearly: number };
  };
  registrars: { name: string; url: string }[];
  /** Only the fields filled in are shown on the contact card (features/shared/contact.ts). */
  contacts: { team: string; hotline: string; office: string; hours: string; email?: string; zalo?: string };
  targets: {
    province: { period: string; from: IsoDate; domains: number; idvn: number };
    ward: {
      deadline: IsoDate;
      idvnShare: { min: number; max: number };
      bizvnShare: { min: number; max: number };
      groups: { youth: number; businesses: number };
    };
  };
  /** `faq`: the official source of each FAQ answer, by topic (`faq.<topic>`), shown as "Nguồn: …". */
  sources: { rules: string; fees: string; faq: Readonly<Record<string, string>> };
  /** Reminders after an eligible result: N days later, and days before an enterprise's last day. */
  followups: { remindAfterDays: number; deadlineDaysBefore: readonly number[] };
  /** The policy's numbers (ages, enterprise window), threaded into src/core/eligibility (issue #11). */
  rules: EligibilityRules;
  /** Where questions for a person go and when staff are on duty (issue #11). */
  handoff: HandoffData;
  /** Renewal reminders before the free period ends (issue #22); src/core/renewal/dates.ts has the defaults. */
  renewal?: RenewalSettings;
};

/** Formats a VND amount the Vietnamese way: 250.000. */
export function formatVnd(amount: number): string {
  return String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
