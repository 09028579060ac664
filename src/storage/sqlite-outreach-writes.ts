/**
 * Applies a turn's follow-up, news and registration writes inside
 * commitTurn's transaction, and what `forget` does to those tables.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Address, ChannelName } from '../core/message.js';
import type { OutreachWrite } from '../core/outreach.js';
import { PENDING, personRegistrationValues } from './outreach-rows.js';

export type OutreachWrites = {
  apply(address: Address, channel: ChannelName, write: OutreachWrite, now: string): void;
  /** Follow-ups and the news opt-in are deleted; registrations stay as anonymous counts. */
  forget(address: Address): void;
};

export function prepareOutreachWrites(db: BetterSqlite3.Database): OutreachWrites {
  const schedule = db.prepare<[string, string, string, string | null, string, string]>(
    `INSERT INTO followups (address, kind, track, deadline, due_at, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const cancelReminders = db.prepare<[string, string]>(
    `UPDATE followups SET cancelled_at = ? WHERE address = ? AND kind IN ('remind', 'deadline') AND ${PENDING}`,
  );
  const cancelAll = db.prepare<[string, string]>(`UPDATE followups SET cancelled_at = ? WHERE address = ? AND ${PENDING}`);
  const newsOn = db.prepare<[string, string]>('INSERT INTO news_optins (address, created_at) VALUES (?, ?) ON CONFLICT (address) DO NOTHING');
  const newsOff = db.prepare<[string]>('DELETE FROM news_optins WHERE address = ?');
  const register = db.prepare<[string | null, string, string, string | null, string | null, string | null, string, string | null]>(
    `INSERT INTO registrations (address, channel, track, domain, referrer, locality, source, created_at, free_until)
     VALUES (?, ?, ?, ?, ?, ?, 'person', ?, ?)`,
  );
  const deleteFollowups = db.prepare<[string]>('DELETE FROM followups WHERE address = ?');
  const anonymiseRegistrations = db.prepare<[string]>('UPDATE registrations SET address = NULL, domain = NULL WHERE address = ?');
  const forgetOaContact = db.prepare<[string]>('DELETE FROM zalo_oa_contacts WHERE address = ?');

  return {
    apply(address, channel, write, now) {
      switch (write.type) {
        case 'followups':
          // A new yes replaces reminders still pending from an earlier one.
          cancelReminders.run(now, address);
          for (const f of write.schedule) schedule.run(address, f.kind, f.track, f.deadline, f.dueAt, now);
          return;
        case 'followups_cancel':
          (write.scope === 'all' ? cancelAll : cancelReminders).run(now, address);
          return;
        case 'news':
          if (write.optIn) newsOn.run(address, now);
          else newsOff.run(address);
          return;
        case 'registration':
          register.run(...personRegistrationValues(address, channel, write, now));
          return;
      }
    },
    forget(address) {
      deleteFollowups.run(address);
      newsOff.run(address);
      anonymiseRegistrations.run(address);
      forgetOaContact.run(address);
    },
  };
}
