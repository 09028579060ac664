/**
 * Backups hold personal data, so they are not kept forever (issue #18):
 * after each `backup <file>`, other backups of this bot in the same folder
 * whose file is older than BACKUP_KEEP_DAYS are removed. A file counts as a
 * backup only if it has the same extension, opens as a database of this bot
 * (inspectDatabaseFile) and is not the live database; anything else in the
 * folder is left alone.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { inspectDatabaseFile } from './backup.js';

export const BACKUP_KEEP_DAYS = 30;
const DAY_MS = 86_400_000;

/** Removes this bot's backups next to `made` older than `days`; returns the names removed. */
export function pruneOldBackups(made: string, keep: { now: Date; liveDatabase: string; days?: number }): string[] {
  const folder = dirname(resolve(made));
  const extension = extname(made);
  const cutoff = keep.now.getTime() - (keep.days ?? BACKUP_KEEP_DAYS) * DAY_MS;
  const spared = new Set([resolve(made), resolve(keep.liveDatabase)]);
  const removed: string[] = [];
  for (const name of readdirSync(folder)) {
    const file = join(folder, name);
    if (spared.has(file) || extname(name) !== extension || extension === '') continue;
    const stat = statSync(file, { throwIfNoEntry: false });
    if (stat === undefined || !stat.isFile() || stat.mtimeMs >= cutoff) continue;
    try {
      inspectDatabaseFile(file);
    } catch {
      continue; // not a backup of this bot: not ours to delete
    }
    rmSync(file, { force: true });
    removed.push(basename(file));
  }
  return removed.sort();
}
