/**
 * Staff commands (issue #7): /invite, /join, /referrer, /staff, /mylink, /mystats, /stats,
 * /export, /remind; "thống kê quý này" from staff is routed by the intents feature
 * (answerStaffIntent). The work goes to the runner as StaffRequests (staff-answers.ts).
 */
import type { Feature } from '../../feature.js';
import { runStaffCommand, STAFF_COMMANDS } from './staff-commands.js';

export const staff: Feature = {
  name: 'staff',
  commands: { names: STAFF_COMMANDS, run: (turn, { text }) => runStaffCommand(turn, text) },
};
