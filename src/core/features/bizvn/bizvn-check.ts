/**
 * The biz.vn check: enterprise or household business, then the establishment
 * date (enterprise) or the registration certificate (household).
 */
import { BIZVN } from './ids.js';
import { checkEligibility, checkEnterpriseCode } from '../../eligibility/index.js';
import type { BusinessType, Understanding } from '../../nlu/types.js';
import { say, type Turn } from '../../turn.js';
import { showResult } from '../result/result.js';
import { answerFoundedPartly } from './bizvn-partial.js';
import { askCertificate, askEstablished, askType } from './bizvn-questions.js';

type BizFacts = { businessType?: BusinessType; establishedDate?: string; hasCertificate?: boolean; dependentUnit?: boolean };

/** Runs the check if the facts suffice, else asks the next missing question. */
function proceed(turn: Turn, facts: BizFacts): void {
  if (facts.dependentUnit || (facts.businessType === 'enterprise' && facts.establishedDate) || (facts.businessType === 'household' && facts.hasCertificate !== undefined)) {
    const result = checkEligibility({ track: 'biz.vn', ...facts }, turn.today, turn.deps.data.program.window, turn.deps.data.rules);
    if (!('invalid' in result)) return showResult(turn, result);
    if (facts.businessType === 'enterprise') return askEstablished(turn, `bizvn.invalid_${result.invalid}`);
  }
  if (facts.businessType === 'enterprise') return askEstablished(turn);
  if (facts.businessType === 'household') return askCertificate(turn);
  if (facts.hasCertificate === false) return proceed(turn, { businessType: 'household', hasCertificate: false });
  askType(turn);
}

function factsFrom(turn: Turn, u: Understanding): BizFacts {
  const { entities: e, signals: s } = u;
  const step = turn.session.step;
  const known = step.flow === 'bizvn' && step.ask !== 'type' ? step.businessType : undefined;
  const facts: BizFacts = {};
  const businessType = e.businessType ?? known ?? (e.establishedDate ? 'enterprise' : undefined);
  if (businessType) facts.businessType = businessType;
  const date = e.establishedDate ?? (known === 'enterprise' ? e.birthDate : undefined);
  if (date) facts.establishedDate = date;
  const certificate = s.hasCertificate ?? (step.flow === 'bizvn' && step.ask === 'certificate' ? s.yesNo : undefined);
  if (certificate !== undefined) facts.hasCertificate = certificate;
  if (s.dependentUnit) facts.dependentUnit = true;
  return facts;
}

export function startBizvn(turn: Turn, u?: Understanding): void {
  if (u !== undefined && answerBizvn(turn, u)) return;
  askType(turn);
}

/** Takes what the text says about the business; false when it says nothing the check needs. */
export function answerBizvn(turn: Turn, u: Understanding): boolean {
  const facts = factsFrom(turn, u);
  const code = u.signals.enterpriseCode;
  if (code !== undefined && !facts.dependentUnit) {
    const checked = checkEnterpriseCode(code);
    if (!checked.ok) say(turn, `bizvn.code_${checked.problem}`, { code });
  }
  const step = turn.session.step;
  if (u.signals.impossibleDate !== undefined && step.flow === 'bizvn' && step.ask === 'established') {
    askEstablished(turn, 'bizvn.invalid_impossible_date', { date: u.signals.impossibleDate });
    return true;
  }
  if ((facts.businessType === 'enterprise' || facts.businessType === undefined) && answerFoundedPartly(turn, u)) return true;
  const informative =
    facts.dependentUnit === true ||
    facts.establishedDate !== undefined ||
    facts.hasCertificate !== undefined ||
    (facts.businessType !== undefined && !(step.flow === 'bizvn' && step.ask !== 'type'));
  if (!informative) return false;
  proceed(turn, facts);
  return true;
}

export function chooseBizvn(turn: Turn, id: string): boolean {
  switch (id) {
    case BIZVN.enterprise:
      proceed(turn, { businessType: 'enterprise' });
      return true;
    case BIZVN.household:
      proceed(turn, { businessType: 'household' });
      return true;
    case BIZVN.branch:
      proceed(turn, { dependentUnit: true });
      return true;
    case BIZVN.unregistered:
    case BIZVN.certNo:
      proceed(turn, { businessType: 'household', hasCertificate: false });
      return true;
    case BIZVN.certYes:
      proceed(turn, { businessType: 'household', hasCertificate: true });
      return true;
    default:
      return false;
  }
}
