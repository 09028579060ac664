/**
 * The runner's answers to the outreach requests: domain availability (DNS
 * behind the DomainAvailability port), broadcast count / queue / report and
 * staff-marked registrations. Async, but only through ports. Queuing a
 * broadcast and marking a registration are effects committed with the turn
 * (issue #16), answered from what the database returned.
 */
import { formatDateVi, formatVietnamDate, todayInVietnam } from '../../calendar.js';
import { freeUntilOf } from '../../renewal/dates.js';
import { text, type Address, type Reply, type Text } from '../../message.js';
import type { Availability, AudienceFilter, DomainAvailability, FollowupStore, OutreachRequest } from '../../outreach.js';
import type { ProgramData } from '../../program.js';
import type { Clock } from '../../calendar.js';
import { joinLines } from '../shared/lines.js';
import { answered, resultOf, type Planned } from '../../effects.js';

export type OutreachDeps = {
  readonly followups?: FollowupStore;
  readonly availability?: DomainAvailability;
  readonly data: ProgramData;
  readonly clock: Clock;
};

function filterText(filter: AudienceFilter): Text {
  return text('broadcast.filter', { track: filter.track ?? text('broadcast.any_track'), locality: filter.locality ?? text('broadcast.any_locality') });
}

async function availabilityOf(domain: string, port: DomainAvailability | undefined): Promise<Availability> {
  if (port === undefined) return 'unknown';
  try {
    return await port.check(domain);
  } catch {
    return 'unknown';
  }
}

async function availabilityReplies(domains: readonly string[], deps: OutreachDeps): Promise<Reply[]> {
  const results = await Promise.all(domains.map((d) => availabilityOf(d, deps.availability)));
  const lines = domains.map((domain, i) => text(`domain.avail_${results[i] ?? 'unknown'}`, { domain }));
  const whois = deps.data.links.whois;
  const footer = results.includes('unknown') ? text('domain.avail_footer_unknown', { whois }) : text('domain.avail_footer', { whois });
  return [{ text: joinLines([...lines, footer]) }];
}

function needsStore(): Reply[] {
  return [{ text: text('broadcast.unavailable') }];
}

/** An outreach request as a plan: reads answered now, a broadcast or a staff mark as an effect. */
export async function planOutreach(request: OutreachRequest, deps: OutreachDeps): Promise<Planned> {
  if (request.type === 'domain_availability') return answered(await availabilityReplies(request.domains, deps));
  const store = deps.followups;
  if (store === undefined) return answered(needsStore());
  switch (request.type) {
    case 'broadcast_count': {
      const count = await store.countAudience(request.filter);
      return answered([{ text: text('broadcast.dry_run', { count, filter: filterText(request.filter) }) }]);
    }
    case 'broadcast_send':
      return {
        effect: { type: 'broadcast', text: request.text, filter: request.filter },
        answer: ({ result }) => {
          const queued = resultOf(result, 'broadcast').report;
          return [{ text: text('broadcast.queued', { count: queued.recipients, id: queued.id, filter: filterText(request.filter) }) }];
        },
      };
    case 'broadcast_report': {
      const last = await store.lastBroadcast();
      if (last === undefined) return answered([{ text: text('broadcast.no_report') }]);
      const filter = { ...(last.track ? { track: last.track } : {}), ...(last.locality ? { locality: last.locality } : {}) };
      const { id, recipients, delivered, failed, pending } = last;
      return answered([{ text: text('broadcast.report', { id, recipients, delivered, failed, pending, date: formatVietnamDate(last.createdAt), filter: filterText(filter) }) }]);
    }
    case 'mark_registered': {
      const freeUntil = freeUntilOf(todayInVietnam(deps.clock), deps.data);
      return {
        effect: { type: 'staff_registration', address: request.address, domain: request.domain, track: request.track, freeUntil },
        answer: ({ result }) => {
          const { withDomain } = resultOf(result, 'staff_registration');
          const marked: Reply = { text: text(withDomain ? 'domain.staff_marked' : 'domain.staff_marked_track_only', { address: request.address, domain: request.domain, track: request.track }) };
          // Issue #22: a consenting person gets one message offering renewal reminders.
          return withDomain ? [marked, { text: text('renewal.staff_offer', { until: formatDateVi(freeUntil) }) }] : [marked];
        },
      };
    }
  }
}

/** Lines for /mydata: pending reminders, news opt-in and registrations. */
export async function outreachDataLines(address: Address, store: FollowupStore | undefined): Promise<Text[]> {
  if (store === undefined) return [];
  const summary = await store.summaryOf(address);
  return [
    ...summary.pending.map((p) => text('followup.mydata_pending', { date: formatVietnamDate(p.dueAt), kind: text(`followup.kind_${p.kind}`) })),
    ...(summary.news ? [text('followup.mydata_news')] : []),
    ...summary.registrations.map((r) => text('domain.mydata_registration', { date: formatVietnamDate(r.createdAt), domain: r.domain ?? r.track })),
  ];
}
