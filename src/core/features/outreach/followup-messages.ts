/**
 * What a due follow-up says. No choices: on Zalo a typed "1" would resolve
 * against the choices of the person's last turn, so reminders tell people
 * what to type instead ("đã đăng ký …", "dừng").
 */
import { daysBetween, formatDateVi, type IsoDate } from '../../calendar.js';
import { text, type Reply } from '../../message.js';
import type { DueFollowup } from '../../outreach.js';
import type { ProgramData } from '../../program.js';
import { renewalReplies } from '../../renewal/messages.js';

const EXAMPLE = { 'id.vn': 'nguyenvanan.id.vn', 'biz.vn': 'taphoaminhchau.biz.vn' } as const;

export function followupReplies(f: DueFollowup, data: ProgramData, today: IsoDate): Reply[] {
  const track = f.track ?? 'id.vn';
  switch (f.kind) {
    case 'remind':
      return [{ text: text('followup.remind', { track, days: data.followups.remindAfterDays, portal: data.links.portal, example: EXAMPLE[track] }) }];
    case 'deadline': {
      const until = f.deadline ?? today;
      return [{ text: text('followup.deadline', { track, until: formatDateVi(until), days: Math.max(0, daysBetween(today, until)), portal: data.links.portal }) }];
    }
    case 'broadcast':
      return [{ text: text('broadcast.message', { text: f.text ?? '' }) }];
    case 'renewal':
    case 'renewal_offer':
      return renewalReplies(f, data, today);
  }
}
