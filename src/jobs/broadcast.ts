/**
 * `npm run cli -- broadcast`: staff announcements from the terminal.
 * The CLI cannot reach the running bot's Zalo session, so it only counts
 * (--dry-run), queues (rows in `followups`, kind 'broadcast', that the bot's
 * follow-up job delivers within the rate limit) and reports (--report).
 *
 *   broadcast --dry-run [--track id.vn|biz.vn] [--locality "Kiến An"]
 *   broadcast --text "..." [--track …] [--locality …]
 *   broadcast --report
 */
import { parseArgs } from 'node:util';
import type { AudienceFilter, BroadcastReport, FollowupStore } from '../core/outreach.js';

export const MAX_BROADCAST_CHARS = 3000;

export type BroadcastCliDeps = {
  readonly store: FollowupStore;
  readonly clock: { now(): Date };
  readonly out: (line: string) => void;
};

function filterOf(values: { track?: string | undefined; locality?: string | undefined }): AudienceFilter {
  const { track, locality } = values;
  if (track !== undefined && track !== 'id.vn' && track !== 'biz.vn') {
    throw new Error(`--track "${track}" is not a track. Use --track id.vn or --track biz.vn, or leave it out for everyone.`);
  }
  const place = locality?.trim();
  return { ...(track === undefined ? {} : { track }), ...(place ? { locality: place } : {}) };
}

function describe(filter: AudienceFilter): string {
  return `track ${filter.track ?? 'any'}, locality ${filter.locality ?? 'any'}`;
}

export function formatReport(report: BroadcastReport): string {
  return `Broadcast #${report.id} (${report.createdAt}, ${describe({ ...(report.track ? { track: report.track } : {}), ...(report.locality ? { locality: report.locality } : {}) })}): ${report.recipients} recipients, delivered ${report.delivered}, failed ${report.failed}, pending ${report.pending}`;
}

export async function runBroadcastCli(args: readonly string[], deps: BroadcastCliDeps): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      text: { type: 'string' },
      track: { type: 'string' },
      locality: { type: 'string' },
      'dry-run': { type: 'boolean' },
      report: { type: 'boolean' },
    },
  });
  if (values.report) {
    const last = await deps.store.lastBroadcast();
    deps.out(last === undefined ? 'No broadcast yet.' : formatReport(last));
    return;
  }
  const filter = filterOf(values);
  if (values['dry-run']) {
    const count = await deps.store.countAudience(filter);
    deps.out(`Dry run: ${count} people who opted in to news match (${describe(filter)}). Nothing was sent.`);
    return;
  }
  const text = values.text?.trim() ?? '';
  if (text.length === 0) {
    throw new Error('broadcast needs --text "…" (or --dry-run to count, --report for the last one). See npm run cli -- --help.');
  }
  if (text.length > MAX_BROADCAST_CHARS) {
    throw new Error(`--text is ${text.length} characters; keep it under ${MAX_BROADCAST_CHARS} (Zalo and Telegram split long messages).`);
  }
  const queued = await deps.store.enqueueBroadcast({ text, filter, createdBy: null, now: deps.clock.now() });
  deps.out(
    `Queued broadcast #${queued.id} for ${queued.recipients} people (${describe(filter)}). The running bot sends them within the rate limit; check with: npm run cli -- broadcast --report`,
  );
}
