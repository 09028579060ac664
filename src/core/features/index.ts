/**
 * Every feature, in the order the engine asks them. Within each stage of a turn (engine.ts:
 * choices, commands, text before understanding, any step, the step's own answer, free text,
 * after the turn) the first feature that answers wins, so this order is the behaviour:
 * staff answers before commands, "dừng" before a step's answer, a typed domain before the
 * referral welcome, several questions before a single intent, the intents last.
 * Adding a feature: its folder, and one line here.
 */
import { composeFeatures } from '../compose.js';
import type { Feature } from '../feature.js';
import { FLOWS } from '../session.js';
import { address } from './address/index.js';
import { assisted } from './assisted/index.js';
import { bizvn } from './bizvn/index.js';
import { consent } from './consent/index.js';
import { faq } from './faq/index.js';
import { feedback } from './feedback/index.js';
import { funnel } from './funnel/index.js';
import { handoff } from './handoff/index.js';
import { idvn } from './idvn/index.js';
import { intents } from './intents/index.js';
import { language } from './language/index.js';
import { locality } from './locality/index.js';
import { menu } from './menu/index.js';
import { outreach } from './outreach/index.js';
import { privacy } from './privacy/index.js';
import { referral } from './referral/index.js';
import { renewal } from './renewal/index.js';
import { result } from './result/index.js';
import { staff } from './staff/index.js';

export const FEATURES: readonly Feature[] = [
  handoff, // staff answers (#H12 …) before anything reads them as a command
  privacy, // "rút lại đồng ý" before it is understood
  staff,
  assisted, // after every turn: an assisted result left unanswered is counted first
  feedback,
  funnel,
  referral, // any step: a referral code is kept first…
  language, // …then the language follows the message…
  address, // …and the forms of address are noted
  result, // questions about the last result
  locality, // the commune question, open for one message
  consent,
  outreach, // "dừng" whatever the step; free text: a registration claim or a typed domain
  renewal,
  menu, // free text: the referral welcome
  faq, // free text: several questions in one message
  idvn, // free text: "bác hỏi cho cháu"
  bizvn,
  intents, // free text: whatever the message was understood to mean
];

/** Checked when the engine loads: an id, command or step claimed twice stops start-up (compose.ts). */
export const APP = composeFeatures(FEATURES, FLOWS);
