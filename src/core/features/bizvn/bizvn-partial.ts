/**
 * A founding date known only to the month or the year (issue #17): "thành lập tháng 5 năm
 * ngoái", "năm 2015". When every day of that month/year gives the same outcome, the result is
 * given without asking for the day; only when it depends on the day is the date asked for.
 * "công ty mẹ thành lập năm 2015": a branch's parent registers (RULES.md), so the parent's date
 * is the one that counts; a subsidiary ("công ty con") has its own certificate and date.
 */
import { addYears, daysInMonth, type IsoDate } from '../../calendar.js';
import { text } from '../../message.js';
import type { Understanding } from '../../nlu/types.js';
import type { Turn } from '../../turn.js';
import { askEstablished } from './bizvn-questions.js';
import { showResult } from '../result/result.js';
import { ruleParams } from '../result/rule-source.js';

const pad = (n: number): string => String(n).padStart(2, '0');

function range(year: number, month: number | undefined, today: IsoDate): { first: IsoDate; last: IsoDate } {
  const first = `${year}-${pad(month ?? 1)}-01`;
  const end = month === undefined ? `${year}-12-31` : `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`;
  return { first, last: end > today ? today : end };
}

/** True when a partly known founding date settled the answer (or the exact date was asked for). */
export function answerFoundedPartly(turn: Turn, u: Understanding): boolean {
  const partly = u.signals.foundedPartly;
  if (partly === undefined || u.entities.establishedDate !== undefined || u.signals.subsidiary === true) return false;
  if (u.entities.businessType === 'household') return false;
  const { first, last } = range(partly.year, partly.month, turn.today);
  if (first > turn.today) {
    askEstablished(turn, 'bizvn.invalid_future_date');
    return true;
  }
  const years = turn.deps.data.rules.bizvnEnterpriseYears;
  const params = { ...ruleParams(turn.deps.data), year: String(partly.year), month: String(partly.month ?? ''), nextYear: String(partly.year + years) };
  const over = turn.today > addYears(last, years);
  if (u.signals.parentCompany === true) {
    const dependent = { track: 'biz.vn', outcome: 'not_eligible', reason: 'bizvn_dependent_unit' } as const;
    showResult(turn, dependent, over ? { key: 'result.bizvn_parent_over_year', params } : {});
    return true;
  }
  if (over) {
    showResult(turn, { track: 'biz.vn', outcome: 'not_eligible', reason: 'bizvn_enterprise_over_year' });
    return true;
  }
  if (turn.today <= addYears(first, years)) {
    const note = text(partly.month === undefined ? 'result.founded_year_eligible' : 'result.founded_month_eligible', params);
    showResult(turn, { track: 'biz.vn', outcome: 'eligible', reason: 'bizvn_enterprise_within_year' }, { note });
    return true;
  }
  const when = partly.month === undefined ? String(partly.year) : `${partly.month}/${partly.year}`;
  askEstablished(turn, 'bizvn.ask_established_exact', { when });
  return true;
}
