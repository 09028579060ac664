/**
 * Follow-ups, opt-in only: ONE question after an eligible result once consent
 * is granted — remind me in N days (and, for an enterprise, before its last
 * eligible day), optionally with program news. "dừng" / /stop cancels them.
 */
import { addDays, formatDateVi, vietnamInstant, type IsoDate } from '../../calendar.js';
import { MENU } from '../menu/ids.js';
import type { Track } from '../../eligibility/types.js';
import { choice } from '../../message.js';
import type { ScheduledFollowup } from '../../outreach.js';
import type { ProgramData } from '../../program.js';
import type { PendingCheck } from '../../session.js';
import { offer, say, write, type Turn } from '../../turn.js';
import { showEligibleMenu } from './domain-helper.js';
import { showMenu } from '../menu/menu.js';
import { OUTREACH, suggestChoice } from './ids.js';
import { reprompt } from '../shared/reprompt.js';

const DAY_MS = 86_400_000;

/** What to schedule for a yes at `now`: the reminder, and reminders before an enterprise's deadline still ahead. */
export function scheduleFor(track: Track, deadline: IsoDate | undefined, now: Date, data: ProgramData): ScheduledFollowup[] {
  const remind: ScheduledFollowup = {
    kind: 'remind',
    dueAt: new Date(now.getTime() + data.followups.remindAfterDays * DAY_MS).toISOString(),
    track,
    deadline: null,
  };
  if (deadline === undefined) return [remind];
  const before = data.followups.deadlineDaysBefore.map((days): ScheduledFollowup => ({
    kind: 'deadline',
    // 9:00 in Vietnam on that day.
    dueAt: vietnamInstant(addDays(deadline, -days), '09:00').toISOString(),
    track,
    deadline,
  }));
  return [remind, ...before.filter((f) => f.dueAt > now.toISOString())];
}

/** After an eligible result: the follow-up question (once, with consent), else the menu with "Gợi ý tên miền". */
export function afterEligible(turn: Turn, pending: PendingCheck, key?: string): void {
  if (turn.session.consent === 'granted' && turn.session.followupAsked !== true) return askFollowup(turn, pending.track, pending.deadline);
  showEligibleMenu(turn, pending.track, key);
}

export function askFollowup(turn: Turn, track: Track, deadline: IsoDate | undefined): void {
  turn.session = {
    ...turn.session,
    followupAsked: true,
    step: deadline === undefined ? { flow: 'followup', track } : { flow: 'followup', track, deadline },
  };
  const choices = [
    choice(OUTREACH.remindYes, 'followup.yes'),
    choice(OUTREACH.remindNews, 'followup.yes_news'),
    choice(OUTREACH.remindNo, 'followup.no'),
    suggestChoice(track),
  ];
  const days = turn.deps.data.followups.remindAfterDays;
  if (deadline === undefined) offer(turn, 'followup.ask', choices, { days });
  else offer(turn, 'followup.ask_deadline', choices, { days, until: formatDateVi(deadline), before: turn.deps.data.followups.deadlineDaysBefore.join(', ') });
}

export function answerFollowup(turn: Turn, answer: 'yes' | 'news' | 'no'): void {
  const step = turn.session.step;
  if (step.flow !== 'followup') {
    say(turn, 'common.expired_choice');
    return reprompt(turn);
  }
  if (answer === 'no' || turn.session.consent !== 'granted') {
    say(turn, 'followup.declined');
    return showEligibleMenu(turn, step.track);
  }
  const now = turn.deps.clock.now();
  const schedule = scheduleFor(step.track, step.deadline, now, turn.deps.data);
  write(turn, { type: 'followups', schedule });
  if (answer === 'news') write(turn, { type: 'news', optIn: true });
  const date = formatDateVi(addDays(turn.today, turn.deps.data.followups.remindAfterDays));
  const deadlines = schedule.filter((f) => f.kind === 'deadline').length;
  if (deadlines > 0 && step.deadline !== undefined) say(turn, 'followup.scheduled_deadline', { date, until: formatDateVi(step.deadline) });
  else say(turn, 'followup.scheduled', { date });
  if (answer === 'news') say(turn, 'followup.news_on');
  showEligibleMenu(turn, step.track);
}

/** The follow-up question answered in words ("có", "không cần"); false when the text says neither. */
export function answerFollowupStep(turn: Turn, yesNo: boolean | undefined): boolean {
  if (turn.session.step.flow !== 'followup' || yesNo === undefined) return false;
  answerFollowup(turn, yesNo ? 'yes' : 'no');
  return true;
}

/** "dừng" / /stop: cancel every pending follow-up and news for this address. */
export function stopFollowups(turn: Turn): void {
  write(turn, { type: 'followups_cancel', scope: 'all' });
  write(turn, { type: 'news', optIn: false });
  say(turn, 'followup.stopped');
  if (turn.session.step.flow === 'followup') return showMenu(turn);
  reprompt(turn);
}

/** /news on | off. News needs consent: without it nothing about the person is stored. */
export function setNews(turn: Turn, arg: string): void {
  const value = arg.trim().toLowerCase();
  const on = ['on', 'bat', 'bật', 'co', 'có', 'yes'].includes(value);
  const off = ['off', 'tat', 'tắt', 'khong', 'không', 'no'].includes(value);
  if (!on && !off) {
    return offer(turn, 'followup.news_usage', [choice(MENU.main, 'menu.main')]);
  }
  if (on && turn.session.consent !== 'granted') {
    say(turn, 'followup.news_needs_consent');
    return showMenu(turn);
  }
  write(turn, { type: 'news', optIn: on });
  say(turn, on ? 'followup.news_on' : 'followup.news_off');
  showMenu(turn);
}
