/**
 * StaffStore over PostgreSQL (tables of schema step 2), with the semantics
 * of src/storage/sqlite-staff-store.ts for several processes at once:
 * - /join is one transaction under a transaction-level advisory lock on the
 *   address, so its failure count and block are exact; the invite is taken
 *   by one conditional UPDATE … RETURNING, so only one joiner ever gets it.
 * - A referrer is inserted with ON CONFLICT DO NOTHING: a code (compared
 *   without regard to case) or an address another process took meanwhile
 *   gives the same answers as SQLite's check-then-insert.
 * - rolesOf/referrerCode are plain reads: the runner asks them before a turn
 *   (issue #16; there is no snapshot to keep fresh across replicas).
 * - `pgStaffEffects(tx)`: the same writes on a turn's transaction, for the
 *   record store's commit (pg-turn-effects.ts).
 * Text is ordered with COLLATE "C" (SQLite's byte order), whatever the
 * database's collation.
 */
import type { Address } from '../../core/message.js';
import type { MaybePromise } from '../../core/ports.js';
import type { NewReferrer, Referrer, Revoked, RoleVia, StaffStore } from '../../core/staff.js';
import { cryptoRandom, hashInvite, newInviteCode, newReferrerCode, type RandomInt } from '../staff-codes.js';
import { JOIN_BLOCK_MS, JOIN_MAX_FAILURES, JOIN_WINDOW_MS, toMember, toReferrer, type MemberRow, type ReferrerRow } from '../staff-rows.js';
import type { PgDatabase, Queryable } from './database.js';

const DAY_MS = 86_400_000;
/** pg_advisory_xact_lock(JOIN_LOCK, hashtext(address)): one /join per address at a time ("join"). */
const JOIN_LOCK = 0x6a6f696e;

export type PgStaffStoreOptions = { readonly random?: RandomInt };

/** The writes a turn may make, on its transaction's client. */
export type PgStaffWrites = Pick<StaffStore, 'createInvite' | 'join' | 'addReferrer' | 'removeMember' | 'endReferrer' | 'setReminder'>;

const REFERRER = 'SELECT code, label, address, created_at, ended_at FROM referrers';

async function logChange(db: Queryable, at: string, actor: string, subject: string, change: 'grant' | 'revoke', role: 'team' | 'referrer', via: RoleVia): Promise<void> {
  await db.query('INSERT INTO role_changes (at, actor, subject, change, role, via) VALUES ($1, $2, $3, $4, $5, $6)', [at, actor, subject, change, role, via]);
}

async function referrerByAddress(db: Queryable, address: string): Promise<ReferrerRow | undefined> {
  return (await db.query<ReferrerRow>(`${REFERRER} WHERE address = $1 AND ended_at IS NULL`, [address]))[0];
}

/** Ends an active code: no new credit, no owner any more; the revocation names the owner (or the code). */
async function endActive(tx: Queryable, row: ReferrerRow, by: string, via: RoleVia, at: string): Promise<Referrer> {
  await tx.query('UPDATE referrers SET ended_at = $1, address = NULL WHERE code = $2', [at, row.code]);
  await logChange(tx, at, by, row.address ?? row.code, 'revoke', 'referrer', via);
  return toReferrer({ ...row, address: null, ended_at: at });
}

/** Staff writes on `tx` (a turn's transaction, or a transaction of their own). */
export function pgStaffWrites(tx: Queryable, random: RandomInt = cryptoRandom): PgStaffWrites {
  async function insertReferrer(input: NewReferrer): Promise<{ referrer: Referrer; created: boolean }> {
    if (input.address !== null) {
      const existing = await referrerByAddress(tx, input.address);
      if (existing !== undefined) return { referrer: toReferrer(existing), created: false };
    }
    const at = input.now.toISOString();
    for (let attempt = 0; ; attempt++) {
      if (input.code === undefined && attempt >= 20) throw new Error('Could not find a free referral code after 20 tries; the referrers table may be full.');
      const code = input.code ?? newReferrerCode(random);
      // Any unique key (code, lower(code), address) taken → no row, and the reason is looked up below.
      const inserted = await tx.query(
        `INSERT INTO referrers (code, label, address, created_by, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING RETURNING code`,
        [code, input.label, input.address, input.by, at],
      );
      if (inserted.length > 0) {
        await logChange(tx, at, input.by, input.address ?? code, 'grant', 'referrer', input.via);
        return { referrer: { code, label: input.label, address: input.address, createdAt: at }, created: true };
      }
      if (input.address !== null) {
        const existing = await referrerByAddress(tx, input.address);
        if (existing !== undefined) return { referrer: toReferrer(existing), created: false };
      }
      if (input.code !== undefined) throw new Error(`Referral code "${input.code}" is taken. Choose another code, or leave it out to get a new one.`);
    }
  }

  return {
    async createInvite(by, locality, now, days) {
      const code = newInviteCode(random);
      const expiresAt = new Date(now.getTime() + days * DAY_MS).toISOString();
      await tx.query('INSERT INTO invites (code_hash, locality, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
        hashInvite(code),
        locality,
        by,
        now.toISOString(),
        expiresAt,
      ]);
      return { code, expiresAt };
    },
    async join(address, code, locale, now) {
      const at = now.toISOString();
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [JOIN_LOCK, address]);
      if ((await tx.query('SELECT 1 FROM staff_members WHERE address = $1', [address])).length > 0) return { kind: 'already' as const };
      const block = await tx.query<{ until: string }>('SELECT until FROM join_blocks WHERE address = $1 AND until > $2', [address, at]);
      if (block[0] !== undefined) return { kind: 'blocked' as const, until: block[0].until };
      await tx.query('DELETE FROM join_failures WHERE at < $1', [new Date(now.getTime() - DAY_MS).toISOString()]);
      await tx.query('DELETE FROM join_blocks WHERE until <= $1', [at]);
      const [invite] = await tx.query<{ locality: string | null; created_by: string }>(
        `UPDATE invites SET used_by = $1, used_at = $2 WHERE code_hash = $3 AND used_by IS NULL AND expires_at > $2
         RETURNING locality, created_by`,
        [address, at, hashInvite(code)],
      );
      if (invite !== undefined) {
        await tx.query('INSERT INTO staff_members (address, locality, locale, created_at) VALUES ($1, $2, $3, $4)', [address, invite.locality, locale, at]);
        await logChange(tx, at, invite.created_by, address, 'grant', 'team', 'invite');
        return { kind: 'joined' as const, locality: invite.locality };
      }
      await tx.query('INSERT INTO join_failures (address, at) VALUES ($1, $2)', [address, at]);
      const [counted] = await tx.query<{ n: number }>('SELECT count(*) AS n FROM join_failures WHERE address = $1 AND at > $2', [
        address,
        new Date(now.getTime() - JOIN_WINDOW_MS).toISOString(),
      ]);
      const failures = counted?.n ?? 0;
      if (failures < JOIN_MAX_FAILURES) return { kind: 'invalid' as const, left: JOIN_MAX_FAILURES - failures };
      const blockedTo = new Date(now.getTime() + JOIN_BLOCK_MS).toISOString();
      await tx.query('INSERT INTO join_blocks (address, until) VALUES ($1, $2) ON CONFLICT (address) DO UPDATE SET until = excluded.until', [address, blockedTo]);
      return { kind: 'blocked' as const, until: blockedTo };
    },
    addReferrer: insertReferrer,
    async removeMember(address, by, via, now): Promise<Revoked> {
      const at = now.toISOString();
      const team = (await tx.query('DELETE FROM staff_members WHERE address = $1 RETURNING address', [address])).length > 0;
      if (team) await logChange(tx, at, by, address, 'revoke', 'team', via);
      const code = (await tx.query<ReferrerRow>(`${REFERRER} WHERE address = $1 AND ended_at IS NULL FOR UPDATE`, [address]))[0];
      return { team, referrer: code === undefined ? null : await endActive(tx, code, by, via, at) };
    },
    async endReferrer(code, by, via, now) {
      const row = (await tx.query<ReferrerRow>(`${REFERRER} WHERE lower(code) = lower($1) AND ended_at IS NULL FOR UPDATE`, [code]))[0];
      return row === undefined ? undefined : endActive(tx, row, by, via, now.toISOString());
    },
    async setReminder(address, on) {
      return (await tx.query('UPDATE staff_members SET remind = $1 WHERE address = $2 RETURNING address', [on ? 1 : 0, address])).length > 0;
    },
  };
}

export function createPgStaffStore(db: PgDatabase, options: PgStaffStoreOptions = {}): StaffStore {
  const random = options.random ?? cryptoRandom;
  /** A write in a transaction of its own (the CLI, tests); a turn's go through its commit instead. */
  const inTx = <T>(fn: (writes: PgStaffWrites) => MaybePromise<T>): Promise<T> => db.transaction(async (tx) => fn(pgStaffWrites(tx, random)));

  return {
    async rolesOf(address) {
      const [row] = await db.query<{ team: boolean; referrer: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM staff_members WHERE address = $1) AS team,
                EXISTS (SELECT 1 FROM referrers WHERE address = $1 AND ended_at IS NULL) AS referrer`,
        [address],
      );
      const roles: ('team' | 'referrer')[] = [];
      if (row?.team === true) roles.push('team');
      if (row?.referrer === true) roles.push('referrer');
      return roles;
    },
    async referrerCode(code) {
      // SQLite's NOCASE folds A–Z only; so do the codes' own alphabet and this comparison (codes are ASCII).
      const [row] = await db.query<{ code: string }>('SELECT code FROM referrers WHERE lower(code) = lower($1) AND ended_at IS NULL', [code]);
      return row?.code;
    },
    createInvite: (by, locality, now, days) => pgStaffWrites(db, random).createInvite(by, locality, now, days),
    join: (address, code, locale, now) => inTx((w) => w.join(address, code, locale, now)),
    addReferrer: (input) => inTx((w) => w.addReferrer(input)),
    async referrerOf(address) {
      const row = await referrerByAddress(db, address);
      return row === undefined ? undefined : toReferrer(row);
    },
    async listReferrers() {
      return (await db.query<ReferrerRow>(`${REFERRER} ORDER BY created_at COLLATE "C", lower(code) COLLATE "C"`)).map(toReferrer);
    },
    async listMembers() {
      const rows = await db.query<MemberRow>('SELECT address, locality, locale, remind, created_at FROM staff_members ORDER BY created_at COLLATE "C", address COLLATE "C"');
      return rows.map(toMember);
    },
    removeMember: (address, by, via, now) => inTx((w) => w.removeMember(address, by, via, now)),
    endReferrer: (code, by, via, now) => inTx((w) => w.endReferrer(code, by, via, now)),
    setReminder: (address, on) => pgStaffWrites(db, random).setReminder(address, on),
    async reminderRecipients(quarter) {
      const rows = await db.query<{ address: string; locale: string }>(
        'SELECT address, locale FROM staff_members WHERE remind = 1 AND (reminded IS NULL OR reminded <> $1) ORDER BY address COLLATE "C"',
        [quarter],
      );
      return rows.map((r) => ({ address: r.address as Address, locale: r.locale === 'en' ? ('en' as const) : ('vi' as const) }));
    },
    async markReminded(address, quarter) {
      await db.query('UPDATE staff_members SET reminded = $1 WHERE address = $2', [quarter, address]);
    },
  };
}
