import { describe, expect, it } from 'vitest';
import { runCli, tempDatabase } from '../support/run-cli.js';

type ChatLine = { user: string; messages: { text: string; choices?: { id: string; label: string }[] }[] };

describe('CLI contracts: chat --jsonl, export, stats', () => {
  it('chat --jsonl answers each line with exactly one line, offers consent:yes/no, and export shows the stored check', async () => {
    const db = tempDatabase();
    const input = [
      { user: 'u1', text: 'xin chào' },
      { user: 'u1', text: 'em sinh 15/3/2006' },
      { user: 'u1', choice: 'consent:yes' },
      { user: 'u2', text: 'hộ kinh doanh có giấy phép rồi' },
      { user: 'u2', choice: 'consent:no' },
    ]
      .map((l) => JSON.stringify(l))
      .concat(['not json', ''])
      .join('\n');
    const chat = await runCli(['chat', '--jsonl'], `${input}\n`, { DATABASE_PATH: db });
    expect(chat.code, chat.stderr).toBe(0);
    expect(chat.lines).toHaveLength(7);
    const replies = chat.lines.map((l) => JSON.parse(l) as ChatLine & { error?: string });
    expect(replies[0]?.user).toBe('u1');
    expect(replies[1]?.messages.at(-1)?.choices?.map((c) => c.id)).toEqual(['consent:yes', 'consent:no']);
    expect(replies[1]?.messages.map((m) => m.text).join('\n')).toMatch(/đủ điều kiện/);
    expect(replies[3]?.messages.at(-1)?.choices?.map((c) => c.id)).toEqual(['consent:yes', 'consent:no']);
    expect(replies[5]?.error).toMatch(/not valid JSON/);
    expect(replies[6]?.error).toMatch(/empty line/);

    const exported = await runCli(['export', '--format', 'json'], '', { DATABASE_PATH: db });
    const rows = JSON.parse(exported.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({ channel: 'console', track: 'id.vn', outcome: 'eligible', reason: 'idvn_age_in_range', referrer: null, locality: null, createdAt: '2026-11-23T02:00:00.000Z', assisted: false, helper: null });
    expect(rows[1]).toMatchObject({ track: 'biz.vn', outcome: 'eligible', reason: 'bizvn_household_certified' });

    const csv = await runCli(['export', '--format', 'csv'], '', { DATABASE_PATH: db });
    expect(csv.stdout.split('\r\n')[0]).toBe('channel,track,outcome,reason,referrer,locality,createdAt,assisted,helper');
    expect(csv.stdout.split('\r\n').filter((l) => l !== '')).toHaveLength(3);

    const stats = await runCli(['stats'], '', { DATABASE_PATH: db });
    expect(stats.stdout).toMatch(/id\.vn\s+1\s+0\s+0\s+1/);
  });

  it('--help lists the commands, and a bad setting names the variable and the fix', async () => {
    const help = await runCli(['--help'], '');
    expect(help.stdout).toMatch(/chat --jsonl/);
    expect(help.stdout).toMatch(/export/);
    const bad = await runCli(['stats'], '', { DATABASE_PATH: tempDatabase(), RETENTION_DAYS: 'forever' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/RETENTION_DAYS/);
  });
});
