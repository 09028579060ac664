/**
 * The retention purge over PostgreSQL: the rules, order and counts of
 * purgeExpired (src/storage/retention.ts, read it for the why), in one
 * transaction. Every table exists here, so there is no column probing.
 *
 * SQLite re-selects the expired people in every statement under its write
 * lock; here they are selected once, FOR UPDATE, so a replica's turn that
 * touches one of them waits until the purge is done, and every statement
 * works on exactly that list.
 *
 * SQLite's `secure_delete` has no PostgreSQL equivalent: deleted tuples stay
 * in the table files until VACUUM reclaims them (autovacuum does, in time).
 */
import { retentionCutoff, type PurgeResult } from '../retention.js';
import type { PgDatabase, Queryable } from './database.js';

/** retention.ts's LINKED: `ofExpired` takes the expired addresses ($1, text[]), `older` the cutoff ($1). */
type LinkedRule = { ofExpired: string; older?: string };

const LINKED: readonly LinkedRule[] = [
  { ofExpired: 'DELETE FROM followups WHERE address = ANY($1::text[])', older: 'DELETE FROM followups WHERE created_at < $1' },
  { ofExpired: 'DELETE FROM news_optins WHERE address = ANY($1::text[])' },
  {
    ofExpired: 'UPDATE registrations SET address = NULL, domain = NULL WHERE address = ANY($1::text[])',
    older: 'UPDATE registrations SET address = NULL, domain = NULL WHERE address IS NOT NULL AND created_at < $1',
  },
  {
    ofExpired: 'UPDATE renewals SET address = NULL WHERE address = ANY($1::text[])',
    older: 'UPDATE renewals SET address = NULL WHERE address IS NOT NULL AND created_at < $1',
  },
  { ofExpired: 'DELETE FROM handoffs WHERE address = ANY($1::text[])', older: 'DELETE FROM handoffs WHERE created_at < $1' },
  {
    ofExpired: 'UPDATE checks SET helper = NULL WHERE helper = ANY($1::text[])',
    older: 'UPDATE checks SET helper = NULL WHERE helper IS NOT NULL AND created_at < $1',
  },
];

/** Rows a DELETE or UPDATE touched (Queryable returns rows only). */
async function changes(tx: Queryable, sql: string, param: string | readonly string[]): Promise<number> {
  const [row] = await tx.query<{ n: number }>(`WITH changed AS (${sql} RETURNING 1) SELECT count(*) AS n FROM changed`, [param]);
  return row?.n ?? 0;
}

export async function pgPurgeExpired(db: PgDatabase, now: Date, retentionDays: number): Promise<PurgeResult> {
  const cutoff = retentionCutoff(now, retentionDays);
  return db.transaction(async (tx): Promise<PurgeResult> => {
    const expired = (
      await tx.query<{ address: string }>(
        `SELECT p.address FROM people p
         WHERE p.updated_at < $1
           AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.address = p.address AND s.updated_at >= $1)
           AND NOT EXISTS (SELECT 1 FROM checks c WHERE c.address = p.address AND c.created_at >= $1)
         FOR UPDATE OF p`,
        [cutoff],
      )
    ).map((r) => r.address);
    const theirChecks = await changes(tx, 'UPDATE checks SET address = NULL WHERE address = ANY($1::text[])', expired);
    let other = 0;
    for (const rule of LINKED) other += await changes(tx, rule.ofExpired, expired);
    const people = await changes(tx, 'DELETE FROM people WHERE address = ANY($1::text[])', expired);
    // An expired person's session is older than the cutoff too, so this removes it as well.
    const sessions = await changes(tx, 'DELETE FROM sessions WHERE updated_at < $1', cutoff);
    const oldChecks = await changes(tx, 'UPDATE checks SET address = NULL WHERE address IS NOT NULL AND created_at < $1', cutoff);
    for (const rule of LINKED) if (rule.older !== undefined) other += await changes(tx, rule.older, cutoff);
    return { cutoff, people, sessions, checks: theirChecks + oldChecks, other };
  });
}
