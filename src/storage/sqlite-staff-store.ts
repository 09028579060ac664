/**
 * StaffStore over SQLite (tables of migration 002-staff). Reads the engine
 * needs while routing (roles, known referral codes) are single indexed
 * look-ups, answered synchronously. /join is one transaction: the invite is
 * taken only if unused and unexpired, and a wrong code counts towards the
 * brute-force block (5 in an hour → no /join for an hour).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Address, Locale } from '../core/message.js';
import type { JoinOutcome, NewReferrer, Referrer, Revoked, RoleVia, StaffStore } from '../core/staff.js';
import { cryptoRandom, hashInvite, newInviteCode, newReferrerCode, type RandomInt } from './staff-codes.js';
import { JOIN_BLOCK_MS, JOIN_MAX_FAILURES, JOIN_WINDOW_MS, toMember, toReferrer, type MemberRow, type ReferrerRow } from './staff-rows.js';

const DAY_MS = 86_400_000;

export type SqliteStaffStoreOptions = { readonly random?: RandomInt };

export function createSqliteStaffStore(db: BetterSqlite3.Database, options: SqliteStaffStoreOptions = {}): StaffStore {
  const random = options.random ?? cryptoRandom;
  const isMember = db.prepare<[string], number>('SELECT 1 FROM staff_members WHERE address = ?').pluck();
  const isReferrer = db.prepare<[string], number>('SELECT 1 FROM referrers WHERE address = ? AND ended_at IS NULL').pluck();
  const codeOf = db.prepare<[string], string>('SELECT code FROM referrers WHERE code = ? AND ended_at IS NULL').pluck();
  const insertInvite = db.prepare<[string, string | null, string, string, string]>(
    'INSERT INTO invites (code_hash, locality, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  );
  const takeInvite = db.prepare<[string, string, string, string], { locality: string | null; created_by: string }>(
    `UPDATE invites SET used_by = ?, used_at = ? WHERE code_hash = ? AND used_by IS NULL AND expires_at > ?
     RETURNING locality, created_by`,
  );
  const insertMember = db.prepare<[string, string | null, string, string]>(
    'INSERT INTO staff_members (address, locality, locale, created_at) VALUES (?, ?, ?, ?)',
  );
  const blockedUntil = db.prepare<[string, string], string>('SELECT until FROM join_blocks WHERE address = ? AND until > ?').pluck();
  const pruneFailures = db.prepare<[string]>('DELETE FROM join_failures WHERE at < ?');
  const pruneBlocks = db.prepare<[string]>('DELETE FROM join_blocks WHERE until <= ?');
  const addFailure = db.prepare<[string, string]>('INSERT INTO join_failures (address, at) VALUES (?, ?)');
  const countFailures = db.prepare<[string, string], number>('SELECT count(*) FROM join_failures WHERE address = ? AND at > ?').pluck();
  const block = db.prepare<[string, string]>('INSERT OR REPLACE INTO join_blocks (address, until) VALUES (?, ?)');
  const logChange = db.prepare<[string, string, string, 'grant' | 'revoke', 'team' | 'referrer', RoleVia]>(
    'INSERT INTO role_changes (at, actor, subject, change, role, via) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const referrerByAddress = db.prepare<[string], ReferrerRow>('SELECT * FROM referrers WHERE address = ? AND ended_at IS NULL');
  const activeByCode = db.prepare<[string], ReferrerRow>('SELECT * FROM referrers WHERE code = ? AND ended_at IS NULL');
  const endCode = db.prepare<[string, string]>('UPDATE referrers SET ended_at = ?, address = NULL WHERE code = ?');
  const referrerByCode = db.prepare<[string], ReferrerRow>('SELECT * FROM referrers WHERE code = ?');
  const insertReferrer = db.prepare<[string, string, string | null, string, string]>(
    'INSERT INTO referrers (code, label, address, created_by, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const allReferrers = db.prepare<[], ReferrerRow>('SELECT * FROM referrers ORDER BY created_at, code');
  const allMembers = db.prepare<[], MemberRow>('SELECT address, locality, locale, remind, created_at FROM staff_members ORDER BY created_at, address');
  const deleteMember = db.prepare<[string]>('DELETE FROM staff_members WHERE address = ?');
  const updateRemind = db.prepare<[number, string]>('UPDATE staff_members SET remind = ? WHERE address = ?');
  const dueReminders = db.prepare<[string], { address: string; locale: string }>(
    'SELECT address, locale FROM staff_members WHERE remind = 1 AND (reminded IS NULL OR reminded <> ?) ORDER BY address',
  );
  const setReminded = db.prepare<[string, string]>('UPDATE staff_members SET reminded = ? WHERE address = ?');

  const join = db.transaction((address: Address, code: string, locale: Locale, now: Date): JoinOutcome => {
    const at = now.toISOString();
    if (isMember.get(address) !== undefined) return { kind: 'already' };
    const until = blockedUntil.get(address, at);
    if (until !== undefined) return { kind: 'blocked', until };
    pruneFailures.run(new Date(now.getTime() - DAY_MS).toISOString());
    pruneBlocks.run(at);
    const invite = takeInvite.get(address, at, hashInvite(code), at);
    if (invite !== undefined) {
      insertMember.run(address, invite.locality, locale, at);
      logChange.run(at, invite.created_by, address, 'grant', 'team', 'invite');
      return { kind: 'joined', locality: invite.locality };
    }
    addFailure.run(address, at);
    const failures = countFailures.get(address, new Date(now.getTime() - JOIN_WINDOW_MS).toISOString()) ?? 0;
    if (failures < JOIN_MAX_FAILURES) return { kind: 'invalid', left: JOIN_MAX_FAILURES - failures };
    const blockedTo = new Date(now.getTime() + JOIN_BLOCK_MS).toISOString();
    block.run(address, blockedTo);
    return { kind: 'blocked', until: blockedTo };
  });

  const addReferrer = db.transaction((input: NewReferrer): { referrer: Referrer; created: boolean } => {
    if (input.address !== null) {
      const existing = referrerByAddress.get(input.address);
      if (existing !== undefined) return { referrer: toReferrer(existing), created: false };
    }
    let code = input.code;
    for (let attempt = 0; code === undefined || referrerByCode.get(code) !== undefined; attempt++) {
      if (input.code !== undefined) throw new Error(`Referral code "${input.code}" is taken. Choose another code, or leave it out to get a new one.`);
      if (attempt >= 20) throw new Error('Could not find a free referral code after 20 tries; the referrers table may be full.');
      code = newReferrerCode(random);
    }
    const at = input.now.toISOString();
    insertReferrer.run(code, input.label, input.address, input.by, at);
    logChange.run(at, input.by, input.address ?? code, 'grant', 'referrer', input.via);
    return { referrer: { code, label: input.label, address: input.address, createdAt: at }, created: true };
  });

  /** Ends an active code: no new credit, no owner any more; the revocation names the owner (or the code). */
  function endActive(row: ReferrerRow, by: string, via: RoleVia, at: string): Referrer {
    endCode.run(at, row.code);
    logChange.run(at, by, row.address ?? row.code, 'revoke', 'referrer', via);
    return toReferrer({ ...row, address: null, ended_at: at });
  }

  const endReferrer = db.transaction((code: string, by: string, via: RoleVia, now: Date): Referrer | undefined => {
    const row = activeByCode.get(code);
    return row === undefined ? undefined : endActive(row, by, via, now.toISOString());
  });

  const removeMember = db.transaction((address: Address, by: string, via: RoleVia, now: Date): Revoked => {
    const at = now.toISOString();
    const team = deleteMember.run(address).changes > 0;
    if (team) logChange.run(at, by, address, 'revoke', 'team', via);
    const code = referrerByAddress.get(address);
    return { team, referrer: code === undefined ? null : endActive(code, by, via, at) };
  });

  return {
    rolesOf(address) {
      const roles: ('team' | 'referrer')[] = [];
      if (isMember.get(address) !== undefined) roles.push('team');
      if (isReferrer.get(address) !== undefined) roles.push('referrer');
      return roles;
    },
    referrerCode: (code) => codeOf.get(code),
    createInvite(by, locality, now, days) {
      const code = newInviteCode(random);
      const expiresAt = new Date(now.getTime() + days * DAY_MS).toISOString();
      insertInvite.run(hashInvite(code), locality, by, now.toISOString(), expiresAt);
      return { code, expiresAt };
    },
    join: (address, code, locale, now) => join(address, code, locale, now),
    addReferrer: (input) => addReferrer(input),
    referrerOf(address) {
      const row = referrerByAddress.get(address);
      return row === undefined ? undefined : toReferrer(row);
    },
    listReferrers: () => allReferrers.all().map(toReferrer),
    listMembers: () => allMembers.all().map(toMember),
    removeMember: (address, by, via, now) => removeMember(address, by, via, now),
    endReferrer: (code, by, via, now) => endReferrer(code, by, via, now),
    setReminder: (address, on) => updateRemind.run(on ? 1 : 0, address).changes > 0,
    reminderRecipients: (quarter) =>
      dueReminders.all(quarter).map((r) => ({ address: r.address as Address, locale: r.locale === 'en' ? 'en' : 'vi' })),
    markReminded(address, quarter) {
      setReminded.run(quarter, address);
    },
  };
}
