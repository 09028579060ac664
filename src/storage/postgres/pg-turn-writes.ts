/**
 * The turn's writes beyond people and plain checks, on the transaction's
 * client inside commitTurn (PostgreSQL ports of src/storage/sqlite-outreach-writes.ts
 * and src/storage/sqlite-funnel-writes.ts): follow-ups, news opt-ins and
 * registrations; assisted checks (credited to the helper's referral code
 * when they have one, else to their address), funnel steps and 👍/👎
 * answers; and what `forget` does to those tables.
 */
import type { AnalyticsWrite } from '../../core/funnel.js';
import type { Address, ChannelName } from '../../core/message.js';
import type { OutreachWrite } from '../../core/outreach.js';
import type { Write } from '../../core/ports.js';
import { PENDING, personRegistrationValues } from '../outreach-rows.js';
import type { Queryable } from './database.js';

type CheckWrite = Extract<Write, { type: 'check' }>;

async function cancelReminders(tx: Queryable, address: Address, now: string): Promise<void> {
  await tx.query(
    `UPDATE followups SET cancelled_at = $1 WHERE address = $2 AND kind IN ('remind', 'deadline') AND ${PENDING}`,
    [now, address],
  );
}

export async function applyOutreachWrite(
  tx: Queryable,
  address: Address,
  channel: ChannelName,
  write: OutreachWrite,
  now: string,
): Promise<void> {
  switch (write.type) {
    case 'followups':
      // A new yes replaces reminders still pending from an earlier one.
      await cancelReminders(tx, address, now);
      for (const f of write.schedule) {
        await tx.query(
          'INSERT INTO followups (address, kind, track, deadline, due_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
          [address, f.kind, f.track, f.deadline, f.dueAt, now],
        );
      }
      return;
    case 'followups_cancel':
      if (write.scope === 'all') await tx.query(`UPDATE followups SET cancelled_at = $1 WHERE address = $2 AND ${PENDING}`, [now, address]);
      else await cancelReminders(tx, address, now);
      return;
    case 'news':
      if (write.optIn) {
        await tx.query('INSERT INTO news_optins (address, created_at) VALUES ($1, $2) ON CONFLICT (address) DO NOTHING', [address, now]);
      } else {
        await tx.query('DELETE FROM news_optins WHERE address = $1', [address]);
      }
      return;
    case 'registration':
      await tx.query(
        `INSERT INTO registrations (address, channel, track, domain, referrer, locality, source, created_at, free_until)
         VALUES ($1, $2, $3, $4, $5, $6, 'person', $7, $8)`,
        personRegistrationValues(address, channel, write, now),
      );
      return;
  }
}

/** Follow-ups, the news opt-in and the Zalo OA contact time are deleted; registrations stay as anonymous counts. */
export async function forgetOutreach(tx: Queryable, address: Address): Promise<void> {
  await tx.query('DELETE FROM followups WHERE address = $1', [address]);
  await tx.query('DELETE FROM news_optins WHERE address = $1', [address]);
  await tx.query('UPDATE registrations SET address = NULL, domain = NULL WHERE address = $1', [address]);
  await tx.query('DELETE FROM zalo_oa_contacts WHERE address = $1', [address]);
}

const HELPER_CODE = '(SELECT code FROM referrers WHERE address = $7)';

/** A check made for someone else: never an address; the helper's code, or else the helper, gets the credit. */
export async function insertAssistedCheck(tx: Queryable, channel: ChannelName, write: CheckWrite, now: string): Promise<void> {
  await tx.query(
    `INSERT INTO checks (address, channel, track, outcome, reason, referrer, locality, created_at, assisted, helper)
     VALUES (NULL, $1, $2, $3, $4, coalesce($5, ${HELPER_CODE}), $6, $8, 1,
             CASE WHEN ${HELPER_CODE} IS NULL THEN $7 END)`,
    [channel, write.track, write.outcome, write.reason, write.referrer, write.locality, write.helper ?? null, now],
  );
}

export async function applyAnalyticsWrite(tx: Queryable, write: AnalyticsWrite, now: string): Promise<void> {
  if (write.type === 'funnel') {
    await tx.query(
      `INSERT INTO funnel (day, step, track, count) VALUES ($1, $2, $3, 1)
       ON CONFLICT (day, step, track) DO UPDATE SET count = funnel.count + 1`,
      [write.day, write.step, write.track ?? ''],
    );
  } else {
    await tx.query('INSERT INTO feedback (track, helpful, category, created_at) VALUES ($1, $2, $3, $4)', [
      write.track,
      write.helpful ? 1 : 0,
      write.category,
      now,
    ]);
  }
}

/** A helper's address comes off the checks they were credited for; the person's handoffs go. */
export async function forgetAnalytics(tx: Queryable, address: Address): Promise<void> {
  await tx.query('UPDATE checks SET helper = NULL WHERE helper = $1', [address]);
  await tx.query('DELETE FROM handoffs WHERE address = $1', [address]);
}
