/**
 * The runner's answers to staff requests: invites, /join, referrers and
 * their links (with a QR code image), the team list, reminders. Stats and
 * exports are in staff-report-answers.ts. Everything here is in the staff
 * member's language; the Zalo share text is Vietnamese (it is for citizens).
 */
import { addMonths, formatDateVi, formatVietnamTime, type IsoDate } from '../calendar.js';
import { text, type Address, type Locale, type Reply, type Text } from '../message.js';
import type { CheckQuery, CountRow, MaybePromise } from '../ports.js';
import type { ProgramData } from '../program.js';
import { quarterOf, reminderDate, reportDeadline } from '../reports/period.js';
import type { BoundTranslate } from '../reports/stats-text.js';
import { textTable } from '../reports/text-table.js';
import type { Referrer, StaffRequest, StaffServices } from '../staff.js';
import { answerExport, answerReferrerList, answerStats } from './staff-report-answers.js';

export type StaffAnswerContext = {
  readonly address: Address;
  readonly locale: Locale;
  readonly now: Date;
  readonly today: IsoDate;
  readonly data: ProgramData;
  readonly services: StaffServices;
  readonly countChecks: (query: CheckQuery) => MaybePromise<CountRow[]>;
  /** Text in the staff member's language (tables are built here, so headers must be strings). */
  readonly t: BoundTranslate;
  /** Vietnamese: report files use the ward plan's headings; share texts are for citizens. */
  readonly tVi: BoundTranslate;
  readonly warn: (message: string, fields?: Record<string, unknown>) => void;
};

const reply = (key: string, params?: Text['params']): Reply => ({ text: text(key, params) });


export function telegramLink(botUsername: string | undefined, code: string): string | undefined {
  return botUsername === undefined ? undefined : `https://t.me/${botUsername}?start=${code}`;
}

/** The link text, the Zalo share text and the QR code (of the link, else of the Zalo text). */
export async function linkReplies(referrer: Referrer, ctx: StaffAnswerContext, key: string): Promise<Reply[]> {
  const { code, label } = referrer;
  const link = telegramLink(ctx.services.botUsername, code);
  const zalo = ctx.tVi('staff.zalo_share', { code });
  const qr = await ctx.services.render.qrPng(link ?? zalo);
  const params = { code, label, zalo, link: link ?? '' };
  return [
    reply(key, params),
    reply(link === undefined ? 'staff.link_zalo_only' : 'staff.link_both', params),
    {
      text: text('staff.qr_text', { code }),
      attachment: { kind: 'image', name: `ma-gioi-thieu-${code}.png`, mime: 'image/png', data: qr, caption: text('staff.qr_caption', { code }) },
    },
  ];
}

async function join(code: string, ctx: StaffAnswerContext): Promise<Reply[]> {
  const outcome = await ctx.services.store.join(ctx.address, code, ctx.locale, ctx.now);
  switch (outcome.kind) {
    case 'joined':
      return [reply('staff.joined', { locality: outcome.locality ?? '—' })];
    case 'already':
      return [reply('staff.join_already')];
    case 'invalid':
      return [reply('staff.join_invalid', { left: outcome.left })];
    case 'blocked':
      return [reply('staff.join_blocked', { until: formatVietnamTime(outcome.until) })];
  }
}

async function members(ctx: StaffAnswerContext): Promise<Reply[]> {
  const list = await ctx.services.store.listMembers();
  if (list.length === 0) return [reply('staff.members_none')];
  const rows = list.map((m) => [m.address, m.locality ?? '—', m.remind ? '✓' : '', formatDateVi(m.createdAt.slice(0, 10))]);
  const table = textTable([ctx.t('staff.col.address'), ctx.t('staff.col.locality'), ctx.t('staff.col.remind'), ctx.t('staff.col.since')], rows);
  return [reply('staff.members', { n: list.length, table })];
}

async function remind(on: boolean, ctx: StaffAnswerContext): Promise<Reply[]> {
  if (!(await ctx.services.store.setReminder(ctx.address, on))) return [reply('staff.remind_not_member')];
  if (!on) return [reply('staff.remind_off')];
  const current = quarterOf(ctx.today);
  // Until this quarter's deadline the reminder is still ahead (or goes out today); after it, next quarter's.
  const next = ctx.today < reportDeadline(current) ? current : quarterOf(addMonths(`${ctx.today.slice(0, 8)}01`, 3));
  const date = reminderDate(next) > ctx.today ? reminderDate(next) : ctx.today;
  return [reply('staff.remind_on', { date: formatDateVi(date), deadline: formatDateVi(reportDeadline(next)) })];
}

export async function answerStaffRequest(request: StaffRequest, ctx: StaffAnswerContext): Promise<Reply[]> {
  const { store } = ctx.services;
  switch (request.type) {
    case 'staff_invite': {
      const invite = await store.createInvite(ctx.address, request.locality, ctx.now, ctx.services.inviteDays);
      return [reply('staff.invite_created', { code: invite.code, days: ctx.services.inviteDays, until: formatVietnamTime(invite.expiresAt), locality: request.locality ?? '—' })];
    }
    case 'staff_join':
      return join(request.code, ctx);
    case 'staff_referrer_add': {
      const { referrer } = await store.addReferrer({ label: request.label, address: null, by: ctx.address, via: 'chat', now: ctx.now });
      return linkReplies(referrer, ctx, 'staff.referrer_added');
    }
    case 'staff_referrer_me': {
      const label = request.label === '' ? ctx.address : request.label;
      const { referrer, created } = await store.addReferrer({ label, address: ctx.address, by: ctx.address, via: 'chat', now: ctx.now });
      return linkReplies(referrer, ctx, created ? 'staff.referrer_me_created' : 'staff.referrer_me_existing');
    }
    case 'staff_referrer_list':
      return answerReferrerList(ctx);
    case 'staff_members':
      return members(ctx);
    case 'staff_remove': {
      // Every staff power ends (issue #18): team membership, and the referral code (helper, /mylink, credit).
      const revoked = await store.removeMember(request.address, ctx.address, 'chat', ctx.now);
      const replies: Reply[] = [];
      if (revoked.team) replies.push(reply('staff.removed', { address: request.address }));
      if (revoked.referrer !== null) replies.push(reply('safeguards.referrer_removed', { code: revoked.referrer.code, label: revoked.referrer.label }));
      return replies.length > 0 ? replies : [reply('staff.not_member', { address: request.address })];
    }
    case 'staff_referrer_remove': {
      const ended = await store.endReferrer(request.code, ctx.address, 'chat', ctx.now);
      return [ended === undefined ? reply('safeguards.referrer_not_found', { code: request.code }) : reply('safeguards.referrer_removed', { code: ended.code, label: ended.label })];
    }
    case 'staff_link': {
      const referrer = await store.referrerOf(ctx.address);
      return referrer === undefined ? [reply('staff.no_link')] : linkReplies(referrer, ctx, 'staff.link');
    }
    case 'staff_mystats': {
      const referrer = await store.referrerOf(ctx.address);
      if (referrer === undefined) return [reply('staff.no_link')];
      const totals = await ctx.services.reports.referrerTotals(referrer.code);
      return [reply('staff.mystats', { code: referrer.code, ...totals })];
    }
    case 'staff_remind':
      return remind(request.on, ctx);
    case 'staff_stats':
      return answerStats(request.period, ctx);
    case 'staff_export':
      return answerExport(request, ctx);
  }
}
