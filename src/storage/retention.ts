/**
 * Retention (RULES.md "Personal data": keep records only as long as reporting
 * needs, then delete or anonymise). With a cutoff of `now − RETENTION_DAYS`:
 *
 * - a person whose last activity is before the cutoff is deleted and their
 *   checks become anonymous counts (address NULL). Last activity is the latest
 *   of the person row's `updated_at`, their session's `updated_at` and their
 *   newest check, so someone who still uses the bot is not forgotten;
 * - a session not touched since the cutoff is deleted;
 * - a check older than the cutoff keeps no address, whoever it belongs to;
 * - tables added later that hold an address follow the same rules when
 *   present (LINKED below): an expired person's follow-ups and news opt-in
 *   are deleted, their registrations lose address and domain; follow-ups and
 *   registrations older than the cutoff are deleted / anonymised likewise.
 *
 * Counts by track/outcome/referrer/locality/date are never lost. One
 * transaction; `secure_delete` is on while it runs, so deleted rows are
 * overwritten in the file instead of lingering in free pages.
 */
import type BetterSqlite3 from 'better-sqlite3';

export type PurgeResult = {
  /** ISO timestamp: records last active before this were purged. */
  readonly cutoff: string;
  readonly people: number;
  readonly sessions: number;
  /** Checks that lost their address (the person's and any other old ones). */
  readonly checks: number;
  /** Rows of LINKED tables deleted or anonymised (follow-ups, opt-ins, registrations). */
  readonly other: number;
};

export const DAY_MS = 86_400_000;

export function retentionCutoff(now: Date, retentionDays: number): string {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new Error(`Retention must be a whole number of days ≥ 1 (got ${retentionDays}). Set RETENTION_DAYS (default 730).`);
  }
  return new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
}

const EXPIRED_PEOPLE = `
  SELECT p.address FROM people p
  WHERE p.updated_at < @cutoff
    AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.address = p.address AND s.updated_at >= @cutoff)
    AND NOT EXISTS (SELECT 1 FROM checks c WHERE c.address = p.address AND c.created_at >= @cutoff)`;

/** Per-table rules for tables that carry an address; applied only when the table has these columns. */
type LinkedRule = { table: string; columns: readonly string[]; ofExpired: string; older?: string };

const LINKED: readonly LinkedRule[] = [
  {
    table: 'followups',
    columns: ['address', 'created_at'],
    ofExpired: `DELETE FROM followups WHERE address IN (${EXPIRED_PEOPLE})`,
    older: 'DELETE FROM followups WHERE created_at < @cutoff',
  },
  { table: 'news_optins', columns: ['address'], ofExpired: `DELETE FROM news_optins WHERE address IN (${EXPIRED_PEOPLE})` },
  {
    table: 'registrations',
    columns: ['address', 'domain', 'created_at'],
    ofExpired: `UPDATE registrations SET address = NULL, domain = NULL WHERE address IN (${EXPIRED_PEOPLE})`,
    older: 'UPDATE registrations SET address = NULL, domain = NULL WHERE address IS NOT NULL AND created_at < @cutoff',
  },
  // Issue #22: "đã gia hạn" reports stay as anonymous counts.
  {
    table: 'renewals',
    columns: ['address', 'created_at'],
    ofExpired: `UPDATE renewals SET address = NULL WHERE address IN (${EXPIRED_PEOPLE})`,
    older: 'UPDATE renewals SET address = NULL WHERE address IS NOT NULL AND created_at < @cutoff',
  },
  // Issue #11: a forwarded question's outbox row, and a helper credited on assisted checks.
  {
    table: 'handoffs',
    columns: ['address', 'created_at'],
    ofExpired: `DELETE FROM handoffs WHERE address IN (${EXPIRED_PEOPLE})`,
    older: 'DELETE FROM handoffs WHERE created_at < @cutoff',
  },
  {
    table: 'checks',
    columns: ['helper', 'created_at'],
    ofExpired: `UPDATE checks SET helper = NULL WHERE helper IN (${EXPIRED_PEOPLE})`,
    older: 'UPDATE checks SET helper = NULL WHERE helper IS NOT NULL AND created_at < @cutoff',
  },
];

function present(db: BetterSqlite3.Database, rule: LinkedRule): boolean {
  const columns = new Set(db.prepare<[string], string>('SELECT name FROM pragma_table_info(?)').pluck().all(rule.table));
  return rule.columns.every((column) => columns.has(column));
}

export function purgeExpired(db: BetterSqlite3.Database, now: Date, retentionDays: number): PurgeResult {
  const cutoff = retentionCutoff(now, retentionDays);
  const params = { cutoff };
  const purge = db.transaction((): PurgeResult => {
    // Every statement before the DELETE selects the same people: none changes a condition of EXPIRED_PEOPLE.
    const theirChecks = db.prepare(`UPDATE checks SET address = NULL WHERE address IN (${EXPIRED_PEOPLE})`).run(params).changes;
    const linked = LINKED.filter((rule) => present(db, rule));
    let other = 0;
    for (const rule of linked) other += db.prepare(rule.ofExpired).run(params).changes;
    // Messages still waiting (issue #16), as on PostgreSQL: not part of the counts both stores report.
    if (present(db, { table: 'outbox', columns: ['address'], ofExpired: '' })) {
      db.prepare(`DELETE FROM outbox WHERE address IN (${EXPIRED_PEOPLE}) OR created_at < @cutoff`).run(params);
    }
    const people = db.prepare(`DELETE FROM people WHERE address IN (${EXPIRED_PEOPLE})`).run(params).changes;
    // An expired person's session is older than the cutoff too, so this removes it as well.
    const sessions = db.prepare('DELETE FROM sessions WHERE updated_at < @cutoff').run(params).changes;
    const oldChecks = db
      .prepare('UPDATE checks SET address = NULL WHERE address IS NOT NULL AND created_at < @cutoff')
      .run(params).changes;
    for (const rule of linked) if (rule.older !== undefined) other += db.prepare(rule.older).run(params).changes;
    return { cutoff, people, sessions, checks: theirChecks + oldChecks, other };
  });
  const secureDelete = db.pragma('secure_delete', { simple: true });
  db.pragma('secure_delete = ON');
  try {
    return purge.immediate();
  } finally {
    db.pragma(`secure_delete = ${Number(secureDelete) === 1 ? 'ON' : Number(secureDelete) === 2 ? 'FAST' : 'OFF'}`);
  }
}
