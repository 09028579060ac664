/**
 * Staff commands: /invite, /join, /referrer, /staff, /mylink, /mystats,
 * /stats, /export, /remind. Roles are checked here; anyone without the role
 * gets exactly the unknown-command answer, so nothing is revealed. The work
 * itself needs storage, crypto or rendering: it goes to the runner as a
 * StaffRequest (answered in staff-answers.ts).
 */
import type { Intent, Understanding } from '../../nlu/types.js';
import { parseAddress, type Address } from '../../message.js';
import { parsePeriod, parseQuarter, quarterId, quarterOf } from '../../reports/period.js';
import type { ExportFormat, ExportReport } from '../../reports/types.js';
import type { StaffRequest, StaffRole } from '../../staff.js';
import { say, type Turn } from '../../turn.js';
import { unknownCommand } from '../menu/commands.js';

const COMMAND = /^\/([a-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/i;
const MAX_LABEL = 80;

export const STAFF_COMMANDS = ['invite', 'join', 'referrer', 'staff', 'mylink', 'mystats', 'stats', 'export', 'remind'] as const;

export function rolesOf(turn: Turn): ReadonlySet<StaffRole> {
  return new Set<StaffRole>(turn.context.roles);
}

function ask(turn: Turn, request: StaffRequest): void {
  turn.requests.push(request);
}

/** A locality typed after /invite: the list's name when it matches one, else the words as typed. */
function localityArg(turn: Turn, words: string): string | null {
  const trimmed = words.trim().slice(0, MAX_LABEL);
  if (trimmed === '') return null;
  const found = turn.deps.localities?.match(trimmed);
  return found?.kind === 'match' ? found.locality.name : trimmed;
}

function referrer(turn: Turn, args: string, roles: ReadonlySet<StaffRole>): void {
  const [sub = '', ...rest] = args.split(/\s+/);
  const label = rest.join(' ').trim().slice(0, MAX_LABEL);
  const action = sub.toLowerCase();
  if (action === 'add' && roles.has('admin')) {
    if (label === '') return say(turn, 'staff.referrer_usage');
    return ask(turn, { type: 'staff_referrer_add', label });
  }
  if (action === 'remove' && roles.has('admin')) {
    const [code = ''] = rest;
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(code)) return say(turn, 'safeguards.referrer_remove_usage');
    return ask(turn, { type: 'staff_referrer_remove', code });
  }
  if (action === 'me') return ask(turn, { type: 'staff_referrer_me', label });
  if (action === 'list' || action === '') return ask(turn, { type: 'staff_referrer_list' });
  say(turn, 'staff.referrer_usage');
}

function members(turn: Turn, args: string): void {
  const [sub = '', target = ''] = args.split(/\s+/);
  if (sub.toLowerCase() === 'remove') {
    if (parseAddress(target) === undefined) return say(turn, 'staff.staff_usage');
    return ask(turn, { type: 'staff_remove', address: target as Address });
  }
  if (sub !== '') return say(turn, 'staff.staff_usage');
  ask(turn, { type: 'staff_members' });
}

const REPORTS: Readonly<Record<string, ExportReport>> = {
  quarterly: 'quarterly', report: 'quarterly', quy: 'quarterly', 'bao-cao': 'quarterly', baocao: 'quarterly',
  candidates: 'candidates', 'danh-sach': 'candidates', danhsach: 'candidates', list: 'candidates', ds: 'candidates',
};
const FORMATS: Readonly<Record<string, ExportFormat>> = { xlsx: 'xlsx', excel: 'xlsx', csv: 'csv' };

/** "/export [quarterly|candidates] [2026-Q4] [xlsx|csv]", in any order; undefined for anything else. */
export function parseExport(args: string, today: string): { report: ExportReport; quarter: string; format: ExportFormat } | undefined {
  let report: ExportReport = 'quarterly';
  let format: ExportFormat = 'xlsx';
  let quarter = quarterId(quarterOf(today));
  for (const word of args.toLowerCase().split(/\s+/).filter((w) => w !== '')) {
    const q = parseQuarter(word);
    if (REPORTS[word] !== undefined) report = REPORTS[word];
    else if (FORMATS[word] !== undefined) format = FORMATS[word];
    else if (q !== undefined) quarter = quarterId(q);
    else return undefined;
  }
  return { report, quarter, format };
}

function remind(turn: Turn, args: string): void {
  const value = args.trim().toLowerCase();
  if (value === 'on' || value === 'bat' || value === 'bật') return ask(turn, { type: 'staff_remind', on: true });
  if (value === 'off' || value === 'tat' || value === 'tắt') return ask(turn, { type: 'staff_remind', on: false });
  say(turn, 'staff.remind_usage');
}

/** Handles a staff command; false when `raw` is not one (the other commands run). */
export function runStaffCommand(turn: Turn, raw: string): boolean {
  const match = COMMAND.exec(raw.trim());
  const name = (match?.[1] ?? '').toLowerCase();
  if (!(STAFF_COMMANDS as readonly string[]).includes(name)) return false;
  const args = (match?.[2] ?? '').trim();
  const roles = rolesOf(turn);
  const admin = roles.has('admin');
  const team = admin || roles.has('team');
  const allowed: Readonly<Record<string, boolean>> = {
    invite: admin, join: true, referrer: team, staff: admin, mylink: team || roles.has('referrer'),
    mystats: team || roles.has('referrer'), stats: team, export: team, remind: team,
  };
  if (allowed[name] !== true) {
    unknownCommand(turn);
    return true;
  }
  switch (name) {
    case 'invite':
      ask(turn, { type: 'staff_invite', locality: localityArg(turn, args) });
      break;
    case 'join':
      if (args === '') say(turn, 'staff.join_usage');
      else ask(turn, { type: 'staff_join', code: args.slice(0, 64) });
      break;
    case 'referrer':
      referrer(turn, args, roles);
      break;
    case 'staff':
      members(turn, args);
      break;
    case 'mylink':
      ask(turn, { type: 'staff_link' });
      break;
    case 'mystats':
      ask(turn, { type: 'staff_mystats' });
      break;
    case 'stats': {
      const period = parsePeriod(args, turn.today);
      if (period === undefined) say(turn, 'staff.stats_usage');
      else ask(turn, { type: 'staff_stats', period });
      break;
    }
    case 'export': {
      const parsed = parseExport(args, turn.today);
      if (parsed === undefined) say(turn, 'staff.export_usage');
      else ask(turn, { type: 'staff_export', ...parsed });
      break;
    }
    default:
      remind(turn, args);
  }
  return true;
}

const STAFF_INTENTS: readonly Intent[] = ['staff_stats', 'share_link'];

/**
 * A confident intent: "thống kê quý này" from staff shows this quarter's
 * stats; "link giới thiệu của tôi" from a referrer shows their link. Everyone
 * else gets what they got before (not understood / the share-link FAQ): false.
 */
export function answerStaffIntent(turn: Turn, u: Understanding): boolean {
  if (!STAFF_INTENTS.includes(u.intent) || turn.session.step.flow !== 'menu') return false;
  const roles = rolesOf(turn);
  if (u.intent === 'staff_stats' && (roles.has('admin') || roles.has('team'))) {
    const period = parsePeriod('', turn.today);
    if (period !== undefined) ask(turn, { type: 'staff_stats', period });
    return period !== undefined;
  }
  if (u.intent === 'share_link' && roles.has('referrer')) {
    ask(turn, { type: 'staff_link' });
    return true;
  }
  return false;
}
