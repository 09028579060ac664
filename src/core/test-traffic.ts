/**
 * Test traffic (issue #11, TEST_USERS): conversations from these addresses
 * run exactly like anyone's, but the writes that feed stats and exports —
 * checks, funnel steps, feedback and registrations — are not made at all.
 * Dropping them (rather than flagging rows) means no query, present or
 * future, can forget a filter, and nothing needs cleaning up afterwards.
 * Person rows, sessions and follow-ups are kept so every flow still works.
 */
import type { Address } from './message.js';
import type { Write } from './ports.js';

const COUNTED: ReadonlySet<Write['type']> = new Set<Write['type']>(['check', 'funnel', 'feedback', 'registration', 'renewal_reported']);

export function withoutCounts(writes: readonly Write[]): Write[] {
  return writes.filter((w) => !COUNTED.has(w.type));
}

export function isTestUserIn(addresses: readonly string[]): (address: Address) => boolean {
  const set = new Set(addresses);
  return (address) => set.has(address);
}
