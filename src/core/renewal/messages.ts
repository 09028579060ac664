/**
 * What a due renewal follow-up says (sent by the follow-up job): the days
 * left and the last free day, the fee after it (data/program.json), how to
 * renew with the registrar and what happens without renewing. No choices,
 * as with every follow-up: the person types "đã gia hạn" or "dừng".
 */
import { daysBetween, formatDateVi, type IsoDate } from '../calendar.js';
import { text, type Reply } from '../message.js';
import type { DueFollowup } from '../outreach.js';
import { formatVnd, type ProgramData } from '../program.js';

export function renewalReplies(f: DueFollowup, data: ProgramData, today: IsoDate): Reply[] {
  const track = f.track ?? 'id.vn';
  const until = f.deadline ?? today;
  const fees = data.fees[track === 'id.vn' ? 'idvn' : 'bizvn'];
  const params = {
    track,
    until: formatDateVi(until),
    days: Math.max(0, daysBetween(today, until)),
    fee: formatVnd(fees.yearly),
    source: data.fees.source,
    registrars: data.links.registrars,
    years: data.program.freeYears,
  };
  return [{ text: text(f.kind === 'renewal_offer' ? 'renewal.offer_message' : 'renewal.reminder', params) }];
}
