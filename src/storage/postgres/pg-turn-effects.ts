/**
 * The runner's writes with answers (src/core/effects.ts) over PostgreSQL, on
 * the turn's transaction inside the record store's commit, as
 * sqlite-turn-effects.ts does on SQLite. Invite and referral codes are made
 * here (node:crypto, ../staff-codes.ts), never in core.
 */
import type { Effect, EffectResult } from '../../core/effects.js';
import type { Address } from '../../core/message.js';
import type { Queryable } from './database.js';
import { pgEnqueueBroadcast, pgStaffRegistration } from './pg-followup-store.js';
import { pgOpenHandoff } from './pg-handoff-store.js';
import { pgStaffWrites } from './pg-staff-store.js';

export async function applyPgEffect(tx: Queryable, address: Address, effect: Effect, now: Date): Promise<EffectResult> {
  const staff = pgStaffWrites(tx);
  switch (effect.type) {
    case 'invite': {
      const invite = await staff.createInvite(address, effect.locality, now, effect.days);
      return { type: 'invite', code: invite.code, expiresAt: invite.expiresAt };
    }
    case 'join':
      return { type: 'join', outcome: await staff.join(address, effect.code, effect.locale, now) };
    case 'referrer_add': {
      const added = await staff.addReferrer({ label: effect.label, address: effect.self ? address : null, by: address, via: 'chat', now });
      return { type: 'referrer_add', referrer: added.referrer, created: added.created };
    }
    case 'staff_remove':
      return { type: 'staff_remove', revoked: await staff.removeMember(effect.address, address, 'chat', now) };
    case 'referrer_end':
      return { type: 'referrer_end', referrer: await staff.endReferrer(effect.code, address, 'chat', now) };
    case 'remind':
      return { type: 'remind', member: await staff.setReminder(address, effect.on) };
    case 'broadcast':
      return { type: 'broadcast', report: await pgEnqueueBroadcast(tx, { text: effect.text, filter: effect.filter, createdBy: address, now }) };
    case 'staff_registration': {
      const { withDomain } = await pgStaffRegistration(tx, { address: effect.address, domain: effect.domain, track: effect.track, now, freeUntil: effect.freeUntil });
      return { type: 'staff_registration', withDomain };
    }
    case 'handoff_open':
      return { type: 'handoff_open', id: await pgOpenHandoff(tx, address, now) };
  }
}
