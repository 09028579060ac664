/**
 * FollowupStore over SQLite: the job's queue (due, markSent, markFailed),
 * news audiences and broadcasts, staff-marked registrations and what
 * /mydata shows. Turn writes (schedule, cancel, opt-in, a person's own
 * registration) go through commitTurn (sqlite-outreach-writes.ts).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Address } from '../core/message.js';
import type { Track } from '../core/eligibility/types.js';
import type { AudienceFilter, BroadcastReport, FollowupKind, FollowupStore } from '../core/outreach.js';
import { PENDING_F, sameLocality, toBroadcastReport, toDueFollowup, type BroadcastReportRow, type DueRow } from './outreach-rows.js';
import { prepareRegistrationQueries } from './sqlite-registrations.js';
import { channelFromAddress } from './turn-rules.js';
import { createSqliteRenewalStore, prepareRenewalOffer } from './sqlite-renewals.js';
import { SQL } from './renewal-rows.js';

type AudienceRow = { address: string; locality: string | null; tracks: string | null };

export function createSqliteFollowupStore(db: BetterSqlite3.Database): FollowupStore {
  const due = db.prepare<[string, number], DueRow>(
    `SELECT f.id, f.address, f.kind, f.track, f.deadline, f.due_at, f.attempts, COALESCE(p.locale, 'vi') AS locale, b.announcement AS text
     FROM followups f LEFT JOIN people p ON p.address = f.address LEFT JOIN broadcasts b ON b.id = f.broadcast_id
     WHERE ${PENDING_F} AND f.due_at <= ? ORDER BY f.due_at, f.id LIMIT ?`,
  );
  const sent = db.prepare<[string, number]>('UPDATE followups SET sent_at = ?, attempts = attempts + 1, error = NULL WHERE id = ?');
  const failed = db.prepare<[string, string, number]>('UPDATE followups SET failed_at = ?, attempts = attempts + 1, error = ? WHERE id = ?');
  const retry = db.prepare<[string, string, number]>('UPDATE followups SET due_at = ?, attempts = attempts + 1, error = ? WHERE id = ?');
  const audienceRows = db.prepare<[], AudienceRow>(
    `SELECT n.address, p.locality,
       (SELECT group_concat(DISTINCT c.track) FROM checks c WHERE c.address = n.address) AS tracks
     FROM news_optins n JOIN people p ON p.address = n.address WHERE p.consent = 'granted' ORDER BY n.address`,
  );
  const insertBroadcast = db.prepare<[string, string | null, string | null, string | null, number, string]>(
    'INSERT INTO broadcasts (announcement, track, locality, created_by, recipients, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertMessage = db.prepare<[string, string | null, number, string, string]>(
    `INSERT INTO followups (address, kind, track, broadcast_id, due_at, created_at) VALUES (?, 'broadcast', ?, ?, ?, ?)`,
  );
  const report = db.prepare<[], BroadcastReportRow>(
    `SELECT b.id, b.created_at, b.track, b.locality, b.recipients,
       count(f.sent_at) AS delivered, count(f.failed_at) AS failed,
       coalesce(sum(CASE WHEN ${PENDING_F} AND f.id IS NOT NULL THEN 1 ELSE 0 END), 0) AS pending
     FROM broadcasts b LEFT JOIN followups f ON f.broadcast_id = b.id
     WHERE b.id = (SELECT max(id) FROM broadcasts) GROUP BY b.id`,
  );
  const person = db.prepare<[string], { consent: string | null; referrer: string | null; locality: string | null }>(
    'SELECT consent, referrer, locality FROM people WHERE address = ?',
  );
  const insertRegistration = db.prepare<[string | null, string, string, string | null, string | null, string | null, string, string | null]>(
    `INSERT INTO registrations (address, channel, track, domain, referrer, locality, source, created_at, free_until) VALUES (?, ?, ?, ?, ?, ?, 'staff', ?, ?)`,
  );
  const offerRenewal = prepareRenewalOffer(db);
  const postpone = db.prepare<[string, number]>(SQL.postpone);
  const cancelReminders = db.prepare<[string, string]>(
    `UPDATE followups AS f SET cancelled_at = ? WHERE f.address = ? AND f.kind IN ('remind', 'deadline') AND ${PENDING_F}`,
  );
  const pendingOf = db.prepare<[string], { kind: string; due_at: string }>(
    `SELECT f.kind, f.due_at FROM followups f WHERE f.address = ? AND f.kind != 'broadcast' AND ${PENDING_F} ORDER BY f.due_at`,
  );
  const newsOf = db.prepare<[string], number>('SELECT count(*) FROM news_optins WHERE address = ?').pluck();
  const registrationsOf = db.prepare<[string], { track: string; domain: string | null; created_at: string }>(
    'SELECT track, domain, created_at FROM registrations WHERE address = ? ORDER BY created_at, id',
  );
  const registrations = prepareRegistrationQueries(db);

  function audience(filter: AudienceFilter): string[] {
    return audienceRows
      .all()
      .filter((r) => filter.track === undefined || (r.tracks ?? '').split(',').includes(filter.track))
      .filter((r) => filter.locality === undefined || sameLocality(r.locality, filter.locality))
      .map((r) => r.address);
  }

  function lastBroadcast(): BroadcastReport | undefined {
    const row = report.get();
    return row === undefined ? undefined : toBroadcastReport(row);
  }

  const enqueue = db.transaction((text: string, filter: AudienceFilter, createdBy: string | null, now: string): BroadcastReport => {
    const addresses = audience(filter);
    const id = Number(insertBroadcast.run(text, filter.track ?? null, filter.locality ?? null, createdBy, addresses.length, now).lastInsertRowid);
    for (const address of addresses) insertMessage.run(address, filter.track ?? null, id, now, now);
    return { id, createdAt: now, track: filter.track ?? null, locality: filter.locality ?? null, recipients: addresses.length, delivered: 0, failed: 0, pending: addresses.length };
  });

  const staffMark = db.transaction((address: Address, domain: string, track: Track, now: string, freeUntil: string | null): { withDomain: boolean } => {
    const row = person.get(address);
    const consented = row?.consent === 'granted';
    insertRegistration.run(consented ? address : null, channelFromAddress(address), track, consented ? domain : null, row?.referrer ?? null, row?.locality ?? null, now, freeUntil);
    if (consented) cancelReminders.run(now, address);
    if (consented && freeUntil !== null) offerRenewal(address, track, freeUntil, now);
    return { withDomain: consented };
  });

  return {
    due: (now, limit) => due.all(now.toISOString(), limit).map(toDueFollowup),
    markSent: (id, now) => void sent.run(now.toISOString(), id),
    markFailed(id, now, error, retryAt) {
      const detail = error.slice(0, 200);
      if (retryAt === undefined) failed.run(now.toISOString(), detail, id);
      else retry.run(retryAt.toISOString(), detail, id);
    },
    countAudience: (filter) => audience(filter).length,
    enqueueBroadcast: ({ text, filter, createdBy, now }) => enqueue(text, filter, createdBy, now.toISOString()),
    lastBroadcast,
    recordStaffRegistration: ({ address, domain, track, now, freeUntil }) => staffMark(address, domain, track, now.toISOString(), freeUntil ?? null),
    summaryOf: (address) => ({
      pending: pendingOf.all(address).map((r) => ({ kind: r.kind as FollowupKind, dueAt: r.due_at })),
      news: newsOf.get(address) === 1,
      registrations: registrationsOf.all(address).map((r) => ({ track: r.track as Track, domain: r.domain, createdAt: r.created_at })),
    }),
    listRegistrations: (query = {}) => registrations.list(query),
    postpone: (id, until) => void postpone.run(until.toISOString(), id),
    renewals: createSqliteRenewalStore(db),
  };
}
