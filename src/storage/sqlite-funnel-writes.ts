/**
 * Issue #11's writes inside commitTurn's transaction: an assisted check (no
 * address; credited to the helper's referral code when they have one, else
 * to their address), a funnel step (+1 for its day, step and track) and a
 * 👍/👎 answer. `forget` removes a helper's address from the checks they
 * were credited for and the person's handoffs.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { AnalyticsWrite } from '../core/funnel.js';
import type { Address, ChannelName } from '../core/message.js';
import type { Write } from '../core/ports.js';

type CheckWrite = Extract<Write, { type: 'check' }>;

type AssistedRow = {
  channel: string;
  track: string;
  outcome: string;
  reason: string;
  referrer: string | null;
  locality: string | null;
  helper: string | null;
  created_at: string;
};

const HELPER_CODE = '(SELECT code FROM referrers WHERE address = @helper)';

export type FunnelWrites = {
  assistedCheck(channel: ChannelName, write: CheckWrite, now: string): void;
  apply(write: AnalyticsWrite, now: string): void;
  forget(address: Address): void;
};

export function prepareFunnelWrites(db: BetterSqlite3.Database): FunnelWrites {
  const insertAssisted = db.prepare<[AssistedRow]>(
    `INSERT INTO checks (address, channel, track, outcome, reason, referrer, locality, created_at, assisted, helper)
     VALUES (NULL, @channel, @track, @outcome, @reason, coalesce(@referrer, ${HELPER_CODE}), @locality, @created_at, 1,
             CASE WHEN ${HELPER_CODE} IS NULL THEN @helper END)`,
  );
  const bumpFunnel = db.prepare<[string, string, string]>(
    `INSERT INTO funnel (day, step, track, count) VALUES (?, ?, ?, 1)
     ON CONFLICT (day, step, track) DO UPDATE SET count = count + 1`,
  );
  const insertFeedback = db.prepare<[string, number, string | null, string]>(
    'INSERT INTO feedback (track, helpful, category, created_at) VALUES (?, ?, ?, ?)',
  );
  const unlinkHelper = db.prepare<[string]>('UPDATE checks SET helper = NULL WHERE helper = ?');
  const deleteHandoffs = db.prepare<[string]>('DELETE FROM handoffs WHERE address = ?');

  return {
    assistedCheck(channel, write, now) {
      insertAssisted.run({
        channel,
        track: write.track,
        outcome: write.outcome,
        reason: write.reason,
        referrer: write.referrer,
        locality: write.locality,
        helper: write.helper ?? null,
        created_at: now,
      });
    },
    apply(write, now) {
      if (write.type === 'funnel') bumpFunnel.run(write.day, write.step, write.track ?? '');
      else insertFeedback.run(write.track, write.helpful ? 1 : 0, write.category, now);
    },
    forget(address) {
      unlinkHelper.run(address);
      deleteHandoffs.run(address);
    },
  };
}
