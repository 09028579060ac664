/**
 * The in-memory side of the outreach writes (follow-ups, news opt-ins,
 * registrations) for MemoryStore, with the SQLite semantics: cancelling
 * touches pending rows only, forget deletes follow-ups and opt-ins and
 * anonymises registrations (address and domain set to null).
 */
import type { Address } from '../../src/core/message.js';
import type { OutreachWrite, RegistrationCountRow, RegistrationRecord, ScheduledFollowup } from '../../src/core/outreach.js';
import type { CheckQuery } from '../../src/core/ports.js';
import { assertCheckQuery } from '../../src/storage/check-query.js';
import { channelFromAddress } from '../../src/storage/turn-rules.js';

export type MemoryFollowup = ScheduledFollowup & { address: Address; cancelledAt: string | null };
type State = { followups: MemoryFollowup[]; news: Set<Address>; registrations: RegistrationRecord[] };

export function createMemoryOutreach() {
  let state: State = { followups: [], news: new Set(), registrations: [] };
  const cancel = (address: Address, now: string, kinds: readonly string[]): void => {
    state.followups = state.followups.map((f) =>
      f.address === address && f.cancelledAt === null && kinds.includes(f.kind) ? { ...f, cancelledAt: now } : f,
    );
  };
  return {
    apply(address: Address, write: OutreachWrite, now: string): void {
      switch (write.type) {
        case 'followups':
          cancel(address, now, ['remind', 'deadline']);
          state.followups.push(...write.schedule.map((f) => ({ ...f, address, cancelledAt: null })));
          return;
        case 'followups_cancel':
          cancel(address, now, write.scope === 'all' ? ['remind', 'deadline', 'broadcast'] : ['remind', 'deadline']);
          return;
        case 'news':
          if (write.optIn) state.news.add(address);
          else state.news.delete(address);
          return;
        case 'registration':
          state.registrations.push({
            address: write.anonymous ? null : address,
            channel: channelFromAddress(address),
            track: write.track,
            domain: write.anonymous ? null : write.domain,
            referrer: write.referrer,
            locality: write.locality,
            source: 'person',
            createdAt: now,
          });
          return;
      }
    },
    forget(address: Address): void {
      state.followups = state.followups.filter((f) => f.address !== address);
      state.news.delete(address);
      state.registrations = state.registrations.map((r) => (r.address === address ? { ...r, address: null, domain: null } : r));
    },
    countRegistrations(query: CheckQuery): RegistrationCountRow[] {
      assertCheckQuery(query);
      const counts = new Map<string, RegistrationCountRow>();
      for (const r of state.registrations) {
        if (query.from !== undefined && r.createdAt < query.from) continue;
        if (query.to !== undefined && r.createdAt > query.to) continue;
        if (query.track !== undefined && r.track !== query.track) continue;
        if (query.channel !== undefined && r.channel !== query.channel) continue;
        const key = JSON.stringify([r.track, r.referrer, r.locality]);
        const row = counts.get(key) ?? { track: r.track, referrer: r.referrer, locality: r.locality, count: 0 };
        row.count += 1;
        counts.set(key, row);
      }
      return [...counts.values()].sort((a, b) => JSON.stringify([a.track, a.referrer ?? '', a.locality ?? '']).localeCompare(JSON.stringify([b.track, b.referrer ?? '', b.locality ?? ''])));
    },
    snapshot: (): State => ({ followups: [...state.followups], news: new Set(state.news), registrations: [...state.registrations] }),
    restore(saved: State): void {
      state = saved;
    },
    /** For tests: what is held. */
    state: (): Readonly<State> => state,
  };
}
