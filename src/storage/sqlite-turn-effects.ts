/**
 * The runner's writes with answers (src/core/effects.ts) over SQLite, applied
 * inside the turn's transaction by the record store's commit. Each uses the
 * same statements as the staff, follow-up and handoff stores; their own
 * transactions run as savepoints inside the turn's. Invite and referral
 * codes are made here (node:crypto, staff-codes.ts), never in core.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Effect, EffectResult } from '../core/effects.js';
import type { Address } from '../core/message.js';
import type { MaybePromise } from '../core/ports.js';
import { createSqliteFollowupStore } from './sqlite-followup-store.js';
import { createSqliteHandoffStore } from './sqlite-handoff-store.js';
import { createSqliteStaffStore } from './sqlite-staff-store.js';
import type { RandomInt } from './staff-codes.js';

/** SQLite's stores answer synchronously; a promise here would mean a write escaped the transaction. */
function sync<T>(value: MaybePromise<T>): T {
  if (value instanceof Promise) throw new Error('A SQLite store answered with a promise inside a turn transaction.');
  return value;
}

export type ApplyEffect = (address: Address, effect: Effect, now: Date) => EffectResult;

export function prepareTurnEffects(db: BetterSqlite3.Database, random?: RandomInt): ApplyEffect {
  const staff = createSqliteStaffStore(db, random === undefined ? {} : { random });
  const followups = createSqliteFollowupStore(db);
  const handoffs = createSqliteHandoffStore(db);
  return (address, effect, now) => {
    switch (effect.type) {
      case 'invite': {
        const invite = sync(staff.createInvite(address, effect.locality, now, effect.days));
        return { type: 'invite', code: invite.code, expiresAt: invite.expiresAt };
      }
      case 'join':
        return { type: 'join', outcome: sync(staff.join(address, effect.code, effect.locale, now)) };
      case 'referrer_add': {
        const added = sync(staff.addReferrer({ label: effect.label, address: effect.self ? address : null, by: address, via: 'chat', now }));
        return { type: 'referrer_add', referrer: added.referrer, created: added.created };
      }
      case 'staff_remove':
        return { type: 'staff_remove', revoked: sync(staff.removeMember(effect.address, address, 'chat', now)) };
      case 'referrer_end':
        return { type: 'referrer_end', referrer: sync(staff.endReferrer(effect.code, address, 'chat', now)) };
      case 'remind':
        return { type: 'remind', member: sync(staff.setReminder(address, effect.on)) };
      case 'broadcast':
        return { type: 'broadcast', report: sync(followups.enqueueBroadcast({ text: effect.text, filter: effect.filter, createdBy: address, now })) };
      case 'staff_registration': {
        const { withDomain } = sync(followups.recordStaffRegistration({ address: effect.address, domain: effect.domain, track: effect.track, now, freeUntil: effect.freeUntil }));
        return { type: 'staff_registration', withDomain };
      }
      case 'handoff_open':
        return { type: 'handoff_open', id: sync(handoffs.open(address, now)) };
    }
  };
}
