/**
 * FollowupStore over PostgreSQL: the job's queue (due, markSent, markFailed),
 * news audiences and broadcasts, staff-marked registrations and what
 * /mydata shows — the same queries and results as sqlite-followup-store.ts.
 * Turn writes (schedule, cancel, opt-in, a person's own registration) go
 * through commitTurn. Text sort keys use COLLATE "C": SQLite's byte order,
 * whatever the database's locale.
 */
import type { Track } from '../../core/eligibility/types.js';
import type { AudienceFilter, BroadcastReport, FollowupKind, FollowupStore, StaffRegistration } from '../../core/outreach.js';
import { PENDING_F, sameLocality, toBroadcastReport, toDueFollowup, type BroadcastReportRow, type DueRow } from '../outreach-rows.js';
import { channelFromAddress } from '../turn-rules.js';
import type { PgDatabase, Queryable } from './database.js';
import { createPgRegistrationQueries } from './pg-registrations.js';
import { createPgRenewalStore, offerRenewal } from './pg-renewals.js';
import { SQL, numbered } from '../renewal-rows.js';

type AudienceRow = { address: string; locality: string | null; tracks: string[] | null };

const AUDIENCE = `SELECT n.address, p.locality,
    (SELECT array_agg(DISTINCT c.track) FROM checks c WHERE c.address = n.address) AS tracks
  FROM news_optins n JOIN people p ON p.address = n.address WHERE p.consent = 'granted' ORDER BY n.address COLLATE "C"`;

const REPORT = `SELECT b.id, b.created_at, b.track, b.locality, b.recipients,
    count(f.sent_at) AS delivered, count(f.failed_at) AS failed,
    count(*) FILTER (WHERE ${PENDING_F} AND f.id IS NOT NULL) AS pending
  FROM broadcasts b LEFT JOIN followups f ON f.broadcast_id = b.id
  WHERE b.id = (SELECT max(id) FROM broadcasts) GROUP BY b.id`;

async function audience(q: Queryable, filter: AudienceFilter): Promise<string[]> {
  const rows = await q.query<AudienceRow>(AUDIENCE);
  return rows
    .filter((r) => filter.track === undefined || (r.tracks ?? []).includes(filter.track))
    .filter((r) => filter.locality === undefined || sameLocality(r.locality, filter.locality))
    .map((r) => r.address);
}

type BroadcastInput = Parameters<FollowupStore['enqueueBroadcast']>[0];

/** A broadcast and one follow-up per person in its audience, on `tx` (a turn's transaction, or one of its own). */
export async function pgEnqueueBroadcast(tx: Queryable, { text, filter, createdBy, now }: BroadcastInput): Promise<BroadcastReport> {
  const at = now.toISOString();
  const track = filter.track ?? null;
  const locality = filter.locality ?? null;
  const addresses = await audience(tx, filter);
  const [row] = await tx.query<{ id: number }>(
    'INSERT INTO broadcasts (announcement, track, locality, created_by, recipients, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
    [text, track, locality, createdBy, addresses.length, at],
  );
  if (row === undefined) throw new Error('INSERT INTO broadcasts returned no id.');
  // One statement for the whole audience; ids follow the audience's order, as SQLite's loop gives them.
  await tx.query(
    `INSERT INTO followups (address, kind, track, broadcast_id, due_at, created_at)
     SELECT t.address, 'broadcast', $2::text, $3::bigint, $4::text, $4::text
     FROM unnest($1::text[]) WITH ORDINALITY AS t(address, n) ORDER BY t.n`,
    [addresses, track, row.id, at],
  );
  return { id: row.id, createdAt: at, track, locality, recipients: addresses.length, delivered: 0, failed: 0, pending: addresses.length };
}

/** A staff-marked registration on `tx`: the domain only with the person's consent (issue #22: then a renewal offer). */
export async function pgStaffRegistration(tx: Queryable, { address, domain, track, now, freeUntil }: StaffRegistration): Promise<{ withDomain: boolean }> {
  const at = now.toISOString();
  const [person] = await tx.query<{ consent: string | null; referrer: string | null; locality: string | null }>(
    'SELECT consent, referrer, locality FROM people WHERE address = $1',
    [address],
  );
  const consented = person?.consent === 'granted';
  await tx.query(
    `INSERT INTO registrations (address, channel, track, domain, referrer, locality, source, created_at, free_until) VALUES ($1, $2, $3, $4, $5, $6, 'staff', $7, $8)`,
    [consented ? address : null, channelFromAddress(address), track, consented ? domain : null, person?.referrer ?? null, person?.locality ?? null, at, freeUntil ?? null],
  );
  if (consented) {
    await tx.query(`UPDATE followups AS f SET cancelled_at = $1 WHERE f.address = $2 AND f.kind IN ('remind', 'deadline') AND ${PENDING_F}`, [at, address]);
    if (freeUntil !== undefined) await offerRenewal(tx, address, track, freeUntil, at);
  }
  return { withDomain: consented };
}

export function createPgFollowupStore(db: PgDatabase): FollowupStore {
  const registrations = createPgRegistrationQueries(db);
  return {
    async due(now, limit) {
      const rows = await db.query<DueRow>(
        `SELECT f.id, f.address, f.kind, f.track, f.deadline, f.due_at, f.attempts, COALESCE(p.locale, 'vi') AS locale, b.announcement AS text
         FROM followups f LEFT JOIN people p ON p.address = f.address LEFT JOIN broadcasts b ON b.id = f.broadcast_id
         WHERE ${PENDING_F} AND f.due_at <= $1 ORDER BY f.due_at, f.id LIMIT $2`,
        [now.toISOString(), limit],
      );
      return rows.map(toDueFollowup);
    },
    async markSent(id, now) {
      await db.query('UPDATE followups SET sent_at = $1, attempts = attempts + 1, error = NULL WHERE id = $2', [now.toISOString(), id]);
    },
    async markFailed(id, now, error, retryAt) {
      const detail = error.slice(0, 200);
      if (retryAt === undefined) await db.query('UPDATE followups SET failed_at = $1, attempts = attempts + 1, error = $2 WHERE id = $3', [now.toISOString(), detail, id]);
      else await db.query('UPDATE followups SET due_at = $1, attempts = attempts + 1, error = $2 WHERE id = $3', [retryAt.toISOString(), detail, id]);
    },
    countAudience: async (filter) => (await audience(db, filter)).length,
    enqueueBroadcast: (input) => db.transaction((tx) => pgEnqueueBroadcast(tx, input)),
    async lastBroadcast() {
      const [row] = await db.query<BroadcastReportRow>(REPORT);
      return row === undefined ? undefined : toBroadcastReport(row);
    },
    recordStaffRegistration: (entry) => db.transaction((tx) => pgStaffRegistration(tx, entry)),
    async summaryOf(address) {
      const [pending, news, registrations] = await Promise.all([
        db.query<{ kind: string; due_at: string }>(
          `SELECT f.kind, f.due_at FROM followups f WHERE f.address = $1 AND f.kind != 'broadcast' AND ${PENDING_F} ORDER BY f.due_at`,
          [address],
        ),
        db.query<{ n: number }>('SELECT count(*) AS n FROM news_optins WHERE address = $1', [address]),
        db.query<{ track: string; domain: string | null; created_at: string }>(
          'SELECT track, domain, created_at FROM registrations WHERE address = $1 ORDER BY created_at, id',
          [address],
        ),
      ]);
      return {
        pending: pending.map((r) => ({ kind: r.kind as FollowupKind, dueAt: r.due_at })),
        news: news[0]?.n === 1,
        registrations: registrations.map((r) => ({ track: r.track as Track, domain: r.domain, createdAt: r.created_at })),
      };
    },
    listRegistrations: (query = {}) => registrations.list(query),
    async postpone(id, until) {
      await db.query(numbered(SQL.postpone), [until.toISOString(), id]);
    },
    renewals: createPgRenewalStore(db),
  };
}
