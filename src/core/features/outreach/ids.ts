/** Choice ids of the domain helper, follow-ups and registrations (short ASCII, fit callback_data). */
import type { Track } from '../../eligibility/types.js';
import { choice, type Choice } from '../../message.js';

export const OUTREACH = {
  suggestIdvn: 'domain:idvn',
  suggestBizvn: 'domain:bizvn',
  remindYes: 'followup:yes',
  remindNews: 'followup:news',
  remindNo: 'followup:no',
  registeredIdvn: 'reg:idvn',
  registeredBizvn: 'reg:bizvn',
} as const;

export function suggestChoice(track: Track): Choice {
  return track === 'id.vn' ? choice(OUTREACH.suggestIdvn, 'domain.suggest_idvn') : choice(OUTREACH.suggestBizvn, 'domain.suggest_bizvn');
}

export function trackOfChoice(id: string, idvn: string, bizvn: string): Track | undefined {
  if (id === idvn) return 'id.vn';
  if (id === bizvn) return 'biz.vn';
  return undefined;
}
