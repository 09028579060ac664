/**
 * Questions about a result just given (issue #17): "còn mấy ngày", "hạn cuối là ngày nào",
 * "thứ Hai tuần sau có kịp không", "sinh 29/2 thì sinh nhật 24 tuổi tính ngày nào".
 * `date` is the day asked about ("thứ Hai tuần sau" → that Monday), never in the past.
 */
import { addDays, splitDate, type IsoDate } from '../calendar.js';
import type { DateMention } from './dates.js';
import type { Signals } from './types.js';

const LEAP = /(?<= )(?:29 ?[/.-] ?0?2(?:[/.-]\d{2,4})?|29 thang (?:2|hai)(?: nam \d{4})?)(?= )/;
const LEAP_ASK = /(?<= )(?:sinh nhat|tinh (?:la |the nao|sao|ngay)|ngay nao|khong nhuan|nam nhuan)(?= )/;
const DAYS_LEFT = /(?<= )(?:con (?:may|bao nhieu) (?:ngay|hom|tuan|thang)|con bao lau|bao lau nua)(?= )/;
const LAST_DAY = /(?<= )(?:han cuoi|ngay cuoi|han chot|het han (?:ngay nao|khi nao|bao gio)|den (?:ngay nao|khi nao|bao gio)|ngay het han|deadline)(?= )/;
const IN_TIME = /(?<= )(?:(?:co |con )?kip(?: khong| ko| k| ko a| chu| khong a)?|(?:con|co) (?:duoc|dang ky duoc) (?:khong|ko|k|nua khong)|con han (?:khong|ko|k))(?= )/;

const WEEKDAYS: Readonly<Record<string, number>> = {
  hai: 1, '2': 1, ba: 2, '3': 2, tu: 3, '4': 3, nam: 4, '5': 4, sau: 5, '6': 5, bay: 6, '7': 6,
};
const WEEKDAY = /(?<= )(?:thu (hai|ba|tu|nam|sau|bay|[2-7])|(chu nhat|cn))(?: (tuan (?:sau|toi|nay)))?(?= )/;
const RELATIVE = /(?<= )(ngay mai|mai|ngay kia|tuan sau|tuan toi|cuoi tuan|thang sau)(?= )/;

/** Monday = 1 … Sunday = 7. */
function weekday(date: IsoDate): number {
  const { year, month, day } = splitDate(date);
  const d = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The day a "có kịp không" question asks about. */
export function askedDay(padded: string, dates: readonly DateMention[], today: IsoDate): IsoDate | undefined {
  const day = WEEKDAY.exec(padded);
  if (day !== null) {
    const target = day[2] !== undefined ? 7 : (WEEKDAYS[day[1] ?? ''] ?? 1);
    const now = weekday(today);
    if (day[3] === 'tuan sau' || day[3] === 'tuan toi') return addDays(today, 7 - now + target);
    if (day[3] === 'tuan nay') return addDays(today, target - now);
    return addDays(today, ((target - now + 7) % 7) || 7);
  }
  const mention = dates.find((d) => d.date !== undefined && d.relative !== true);
  if (mention?.date !== undefined) {
    if (mention.inferredYear === true && mention.date < today) {
      const { year, month, day: dd } = splitDate(mention.date);
      return `${year + 1}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}` as IsoDate;
    }
    return mention.date;
  }
  const relative = RELATIVE.exec(padded)?.[1];
  if (relative === 'ngay mai' || relative === 'mai') return addDays(today, 1);
  if (relative === 'ngay kia') return addDays(today, 2);
  if (relative === 'tuan sau' || relative === 'tuan toi') return addDays(today, 7);
  if (relative === 'cuoi tuan') return addDays(today, 6 - weekday(today) >= 0 ? 6 - weekday(today) : 0);
  return undefined;
}

const QUESTION_WORDS = /29|kip|han |ngay cuoi|deadline|con may|con bao|bao lau|den (?:ngay nao|khi nao|bao gio)|con (?:duoc|dang ky duoc)/;

export function findResultQuestion(padded: string, dates: readonly DateMention[], today: IsoDate): Signals['resultQuestion'] {
  if (!QUESTION_WORDS.test(padded)) return undefined;
  if (LEAP.test(padded) && LEAP_ASK.test(padded)) return { kind: 'leap_birthday' };
  if (IN_TIME.test(padded)) {
    const date = askedDay(padded, dates, today);
    if (date !== undefined) return { kind: 'in_time', date };
  }
  if (DAYS_LEFT.test(padded)) return { kind: 'days_left' };
  if (LAST_DAY.test(padded)) return { kind: 'last_day' };
  return undefined;
}
