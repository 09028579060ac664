/**
 * The runner's answer to "tên miền của tôi hết hạn miễn phí khi nào": the
 * person's recorded registrations (kept only with consent) and the last free
 * day of each, read through the RenewalStore port.
 */
import { daysBetween, formatDateVi, vietnamDay, type IsoDate } from '../../calendar.js';
import { text, type Address, type Reply } from '../../message.js';
import type { ProgramData } from '../../program.js';
import type { RenewalStore } from '../../renewal/types.js';

export async function answerRenewalWhen(address: Address, store: RenewalStore | undefined, data: ProgramData, today: IsoDate): Promise<Reply[]> {
  const periods = store === undefined ? [] : await store.periodsOf(address);
  if (periods.length === 0) return [{ text: text('renewal.when_unknown', { years: data.program.freeYears }) }];
  return periods.map((p) => {
    const params = { domain: p.domain ?? p.track, until: formatDateVi(p.freeUntil), days: daysBetween(today, p.freeUntil) };
    if (p.renewedAt !== null) return { text: text('renewal.when_renewed', { ...params, date: formatDateVi(vietnamDay(p.renewedAt)) }) };
    if (p.freeUntil < today) return { text: text('renewal.when_ended', params) };
    return { text: text(p.reminders > 0 ? 'renewal.when_reminded' : 'renewal.when_not_reminded', params) };
  });
}
