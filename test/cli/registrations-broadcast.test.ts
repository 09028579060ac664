/**
 * CLI contracts for issue #9: `stats` shows "registered" next to the checks,
 * `export --registrations` lists them (no address, no domain), and
 * `broadcast` counts, queues and reports without the bot running.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempDatabase } from '../support/run-cli.js';

describe('CLI: registrations and broadcasts', () => {
  it('a chat ends in a registration; stats and export show it next to the checks; broadcast queues for the bot', async () => {
    const db = tempDatabase();
    const input = [
      { user: 'u1', text: 'em 20 tuổi' },
      { user: 'u1', choice: 'consent:yes' },
      { user: 'u1', choice: 'followup:news' },
      { user: 'u1', text: 'em đăng ký xong rồi hoten.id.vn' },
      { user: 'u2', text: 'hộ kinh doanh có giấy phép rồi' },
      { user: 'u2', choice: 'consent:no' },
      { user: 'u2', text: 'đã đăng ký taphoaminhchau.biz.vn' },
    ].map((l) => JSON.stringify(l)).join('\n');
    const chat = await runCli(['chat', '--jsonl'], `${input}\n`, { DATABASE_PATH: db });
    expect(chat.code, chat.stderr).toBe(0);
    expect(chat.lines[3]).toMatch(/hoten\.id\.vn/);

    const stats = await runCli(['stats'], '', { DATABASE_PATH: db });
    expect(stats.stdout).toMatch(/track\s+eligible\s+not_eligible\s+undetermined\s+total\s+registered/);
    expect(stats.stdout).toMatch(/id\.vn\s+1\s+0\s+0\s+1\s+1\n/);
    expect(stats.stdout).toMatch(/biz\.vn\s+1\s+0\s+0\s+1\s+1\n/);
    expect(stats.stdout).toMatch(/total\s+2\s+0\s+0\s+2\s+2\n/);

    const exported = await runCli(['export', '--registrations'], '', { DATABASE_PATH: db });
    expect(JSON.parse(exported.stdout)).toEqual([
      { channel: 'console', track: 'id.vn', referrer: null, locality: null, source: 'person', createdAt: '2026-11-23T02:00:00.000Z' },
      { channel: 'console', track: 'biz.vn', referrer: null, locality: null, source: 'person', createdAt: '2026-11-23T02:00:00.000Z' },
    ]);
    expect(exported.stdout).not.toMatch(/hoten|minhchau|console:u/);

    const dry = await runCli(['broadcast', '--dry-run'], '', { DATABASE_PATH: db });
    expect(dry.stdout).toBe('Dry run: 1 people who opted in to news match (track any, locality any). Nothing was sent.\n');
    const queued = await runCli(['broadcast', '--text', 'Ngày hội tên miền'], '', { DATABASE_PATH: db });
    expect(queued.stdout).toMatch(/^Queued broadcast #1 for 1 people/);
    const report = await runCli(['broadcast', '--report'], '', { DATABASE_PATH: db });
    expect(report.stdout).toMatch(/1 recipients, delivered 0, failed 0, pending 1/);
  });
});
