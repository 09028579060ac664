/**
 * Referral codes typed in a message ("ma GT: DTN_KIENAN_07"): a code staff created is kept as
 * the person's referrer, whatever the step; /start <code> does the same (menu/commands.ts).
 */
import type { Feature } from '../../feature.js';
import { adoptReferrer } from '../menu/commands.js';

export const referral: Feature = {
  name: 'referral',
  anyStep: (turn, { understood }) => {
    adoptReferrer(turn, understood.signals.referralCode);
    return false;
  },
};
