/**
 * Slash commands of follow-ups and outreach: /stop, /news on|off, /registered,
 * and for admins /broadcast and /registered <address> <domain>. False when the
 * text is not one of them after all (then it is read as text).
 */
import { refuseLongStaffText } from '../../staff-text.js';
import { MENU } from '../menu/ids.js';
import { checkName } from '../../domain-name/index.js';
import type { Track } from '../../eligibility/types.js';
import { choice, parseAddress, type Address } from '../../message.js';
import type { AudienceFilter } from '../../outreach.js';
import { offer, type Turn } from '../../turn.js';
import { unknownCommand } from '../menu/commands.js';
import { explainInvalid } from './domain-helper.js';
import { setNews, stopFollowups } from './followup.js';
import { registerDomain } from './registration.js';

const SUFFIXED = /\.(id|biz)\.vn\.?$/i;
const COMMAND = /^\/([a-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/i;

export type BroadcastCommand =
  | { kind: 'report' }
  | { kind: 'dry_run'; filter: AudienceFilter }
  | { kind: 'send'; filter: AudienceFilter; text: string }
  | { kind: 'usage' };

/** Filters: an optional track (id.vn / biz.vn) and the rest as a locality ("Kiến An"). */
export function parseAudience(words: string): AudienceFilter {
  const parts = words.split(/\s+/).filter((w) => w.length > 0);
  let track: Track | undefined;
  const rest: string[] = [];
  for (const part of parts) {
    const lower = part.toLowerCase();
    if (lower === 'id.vn' || lower === 'biz.vn') track = lower;
    else rest.push(part);
  }
  const locality = rest.join(' ');
  return { ...(track === undefined ? {} : { track }), ...(locality === '' ? {} : { locality }) };
}

/** "/broadcast report", "/broadcast --dry-run [track] [locality]", "/broadcast [filters] | <text>". */
export function parseBroadcast(args: string): BroadcastCommand {
  const trimmed = args.trim();
  if (/^report$/i.test(trimmed)) return { kind: 'report' };
  const bar = trimmed.indexOf('|');
  const head = bar === -1 ? trimmed : trimmed.slice(0, bar);
  const dryRun = /(^|\s)--dry-run(\s|$)/.test(head);
  const filter = parseAudience(head.replace(/(^|\s)--dry-run(?=\s|$)/, ' '));
  if (dryRun) return { kind: 'dry_run', filter };
  const text = bar === -1 ? '' : trimmed.slice(bar + 1).trim();
  return text.length === 0 ? { kind: 'usage' } : { kind: 'send', filter, text };
}

function broadcast(turn: Turn, args: string): void {
  const command = parseBroadcast(args);
  const at = turn.replies.length;
  if (command.kind === 'usage') return offer(turn, 'broadcast.usage', [choice(MENU.main, 'menu.main')]);
  if (command.kind === 'report') turn.requests.push({ type: 'broadcast_report', at });
  else if (command.kind === 'dry_run') turn.requests.push({ type: 'broadcast_count', filter: command.filter, at });
  else if (!refuseLongStaffText(turn, command.text)) turn.requests.push({ type: 'broadcast_send', filter: command.filter, text: command.text, at });
}

/** Admin: "/registered zalo:123 nguyenvanan.id.vn". Anyone: "/registered nguyenvanan.id.vn" (their own). */
function registered(turn: Turn, args: string, admin: boolean): void {
  const parts = args.split(/\s+/).filter((p) => p.length > 0);
  const [first, second] = parts;
  const target = first === undefined ? undefined : parseAddress(first);
  if (admin && target !== undefined && second !== undefined) {
    if (!SUFFIXED.test(second)) return offer(turn, 'domain.staff_usage', [choice(MENU.main, 'menu.main')]);
    const checked = checkName(second, 'id.vn');
    if (!checked.ok) return explainInvalid(turn, second, checked.violations, checked.fixed);
    turn.requests.push({ type: 'mark_registered', address: first as Address, domain: checked.domain, track: checked.track, at: turn.replies.length });
    return;
  }
  if (first === undefined || parts.length !== 1 || !SUFFIXED.test(first)) {
    return offer(turn, admin ? 'domain.staff_usage' : 'domain.registered_usage', [choice(MENU.main, 'menu.main')]);
  }
  registerDomain(turn, first, 'id.vn');
}

export function runOutreachCommand(turn: Turn, raw: string): boolean {
  const match = COMMAND.exec(raw.trim());
  if (!match) return false;
  const name = (match[1] ?? '').toLowerCase();
  const args = (match[2] ?? '').trim();
  const admin = turn.context.roles.includes('admin');
  switch (name) {
    case 'stop':
      stopFollowups(turn);
      return true;
    case 'news':
      setNews(turn, args);
      return true;
    case 'registered':
      registered(turn, args, admin);
      return true;
    case 'broadcast':
      // Everyone else gets the same answer as for any unknown command: it reveals nothing.
      if (admin) broadcast(turn, args);
      else unknownCommand(turn);
      return true;
    default:
      return false;
  }
}
