/**
 * The runner's answers to staff requests: invites, /join, referrers and
 * their links (with a QR code image), the team list, reminders. Stats and
 * exports are in staff-report-answers.ts. Everything here is in the staff
 * member's language; the Zalo share text is Vietnamese (it is for citizens).
 *
 * Reads are answered before the turn commits; writes (invite, join,
 * referrers, remove, remind) are effects committed with the turn (issue
 * #16), answered from what the database returned (src/core/effects.ts).
 */
import { addMonths, formatDateVi, formatVietnamTime, type IsoDate } from '../../calendar.js';
import { text, type Address, type Locale, type Reply, type Text } from '../../message.js';
import type { CheckQuery, CountRow, MaybePromise } from '../../ports.js';
import type { ProgramData } from '../../program.js';
import { quarterOf, reminderDate, reportDeadline } from '../../reports/period.js';
import type { BoundTranslate } from '../../reports/stats-text.js';
import { textTable } from '../../reports/text-table.js';
import type { JoinOutcome, Referrer, StaffRequest, StaffServices } from '../../staff.js';
import { answered, resultOf, type Planned } from '../../effects.js';
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

function joined(outcome: JoinOutcome): Reply[] {
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

function reminded(on: boolean, member: boolean, ctx: StaffAnswerContext): Reply[] {
  if (!member) return [reply('staff.remind_not_member')];
  if (!on) return [reply('staff.remind_off')];
  const current = quarterOf(ctx.today);
  // Until this quarter's deadline the reminder is still ahead (or goes out today); after it, next quarter's.
  const next = ctx.today < reportDeadline(current) ? current : quarterOf(addMonths(`${ctx.today.slice(0, 8)}01`, 3));
  const date = reminderDate(next) > ctx.today ? reminderDate(next) : ctx.today;
  return [reply('staff.remind_on', { date: formatDateVi(date), deadline: formatDateVi(reportDeadline(next)) })];
}

/** A staff request as a plan: reads answered now, writes as effects answered after the commit. */
export async function planStaffRequest(request: StaffRequest, ctx: StaffAnswerContext): Promise<Planned> {
  const { store } = ctx.services;
  switch (request.type) {
    case 'staff_invite':
      return {
        effect: { type: 'invite', locality: request.locality, days: ctx.services.inviteDays },
        answer: ({ result }) => {
          const invite = resultOf(result, 'invite');
          return [reply('staff.invite_created', { code: invite.code, days: ctx.services.inviteDays, until: formatVietnamTime(invite.expiresAt), locality: request.locality ?? '—' })];
        },
      };
    case 'staff_join':
      return { effect: { type: 'join', code: request.code, locale: ctx.locale }, answer: ({ result }) => joined(resultOf(result, 'join').outcome) };
    case 'staff_referrer_add':
      return {
        effect: { type: 'referrer_add', label: request.label, self: false },
        answer: ({ result }) => linkReplies(resultOf(result, 'referrer_add').referrer, ctx, 'staff.referrer_added'),
      };
    case 'staff_referrer_me':
      return {
        effect: { type: 'referrer_add', label: request.label === '' ? ctx.address : request.label, self: true },
        answer: ({ result }) => {
          const { referrer, created } = resultOf(result, 'referrer_add');
          return linkReplies(referrer, ctx, created ? 'staff.referrer_me_created' : 'staff.referrer_me_existing');
        },
      };
    case 'staff_referrer_list':
      return answered(await answerReferrerList(ctx));
    case 'staff_members':
      return answered(await members(ctx));
    case 'staff_remove':
      return {
        effect: { type: 'staff_remove', address: request.address },
        answer: ({ result }) => {
          // Every staff power ends (issue #18): team membership, and the referral code (helper, /mylink, credit).
          const { revoked } = resultOf(result, 'staff_remove');
          const replies: Reply[] = [];
          if (revoked.team) replies.push(reply('staff.removed', { address: request.address }));
          if (revoked.referrer !== null) replies.push(reply('safeguards.referrer_removed', { code: revoked.referrer.code, label: revoked.referrer.label }));
          return replies.length > 0 ? replies : [reply('staff.not_member', { address: request.address })];
        },
      };
    case 'staff_referrer_remove':
      return {
        effect: { type: 'referrer_end', code: request.code },
        answer: ({ result }) => {
          const ended = resultOf(result, 'referrer_end').referrer;
          return [ended === undefined ? reply('safeguards.referrer_not_found', { code: request.code }) : reply('safeguards.referrer_removed', { code: ended.code, label: ended.label })];
        },
      };
    case 'staff_link': {
      const referrer = await store.referrerOf(ctx.address);
      return answered(referrer === undefined ? [reply('staff.no_link')] : await linkReplies(referrer, ctx, 'staff.link'));
    }
    case 'staff_mystats': {
      const referrer = await store.referrerOf(ctx.address);
      if (referrer === undefined) return answered([reply('staff.no_link')]);
      const totals = await ctx.services.reports.referrerTotals(referrer.code);
      return answered([reply('staff.mystats', { code: referrer.code, ...totals })]);
    }
    case 'staff_remind':
      return { effect: { type: 'remind', on: request.on }, answer: ({ result }) => reminded(request.on, resultOf(result, 'remind').member, ctx) };
    case 'staff_stats':
      return answered(await answerStats(request.period, ctx));
    case 'staff_export':
      return answered(await answerExport(request, ctx));
  }
}
