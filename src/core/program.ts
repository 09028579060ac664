import type { IsoDate } from './calendar.js';

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
  contacts: { team: string; hotline: string; office: string; hours: string };
  targets: {
    province: { period: string; domains: number; idvn: number };
    ward: {
      deadline: IsoDate;
      idvnShare: { min: number; max: number };
      bizvnShare: { min: number; max: number };
      groups: { youth: number; businesses: number };
    };
  };
  sources: { rules: string; fees: string };
};

/** Formats a VND amount the Vietnamese way: 250.000. */
export function formatVnd(amount: number): string {
  return String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
