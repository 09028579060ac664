/**
 * The CLI against PostgreSQL (DATABASE_URL): a chat is recorded, stats and
 * export read it, purge applies retention, and backup/restore (SQLite file
 * copies) refuse with the PostgreSQL way to do it.
 */
import { expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { describePg, freshPgUrl } from '../support/postgres.js';

describePg('npm run cli -- … with DATABASE_URL', () => {
  it('chat, stats, export and purge work on PostgreSQL; backup points to pg_dump', async () => {
    const env = { DATABASE_URL: await freshPgUrl(), DATABASE_PATH: '/nonexistent/never-used.sqlite' };
    const chat = await runCli(['chat', '--jsonl'], ['{"user":"lan","text":"tôi 20 tuổi"}', '{"user":"lan","choice":"consent:yes"}'].join('\n'), env);
    expect(chat.code).toBe(0);
    expect(chat.lines).toHaveLength(2);

    const stats = await runCli(['stats'], '', env);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toMatch(/id\.vn/);
    const csv = await runCli(['export', '--format', 'csv'], '', env);
    expect(csv.stdout.trim().split(/\r?\n/)).toEqual([
      'channel,track,outcome,reason,referrer,locality,createdAt,assisted,helper',
      '"console","id.vn","eligible","idvn_age_in_range",,,"2026-11-23T02:00:00.000Z",false,', // issue #18: text quoted
    ]);
    const purge = await runCli(['purge'], '', { ...env, BOT_CLOCK: '2029-01-01T09:00:00+07:00' });
    expect(purge.stdout).toMatch(/1 people deleted, 1 sessions deleted, 1 checks anonymised/);

    const backup = await runCli(['backup', 'x.sqlite'], '', env);
    expect(backup.code).toBe(1);
    expect(backup.stderr).toMatch(/pg_dump/);
  }, 60_000);
});
