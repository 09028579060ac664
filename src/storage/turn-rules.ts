/**
 * Storage rules that do not depend on SQLite, shared by the SQLite store
 * and the in-memory fake (test/fakes/memory-store.ts) so both agree.
 */
import { parseAddress, type Address, type ChannelName } from '../core/message.js';
import type { Person, PersonPatch } from '../core/ports.js';
import { StorageError } from './errors.js';

export function channelFromAddress(address: string): ChannelName {
  const parsed = parseAddress(address);
  if (parsed === undefined) {
    throw new StorageError(
      'BAD_ADDRESS',
      `Cannot store a turn for "${address}": not a channel address. Build addresses with formatAddress(channel, id) from src/core/message.ts.`,
    );
  }
  return parsed.channel;
}

/** The person after `patch`: defaults for a new person, `updatedAt = now` always. */
export function applyPersonPatch(
  address: Address,
  existing: Person | undefined,
  patch: PersonPatch,
  now: string,
): Person {
  const base: Person = existing ?? {
    address,
    locale: 'vi',
    consent: null,
    consentAt: null,
    referrer: null,
    locality: null,
    createdAt: now,
    updatedAt: now,
  };
  return {
    ...base,
    locale: patch.locale ?? base.locale,
    consent: patch.consent !== undefined ? patch.consent : base.consent,
    consentAt: patch.consentAt !== undefined ? patch.consentAt : base.consentAt,
    referrer: patch.referrer !== undefined ? patch.referrer : base.referrer,
    locality: patch.locality !== undefined ? patch.locality : base.locality,
    updatedAt: now,
  };
}
