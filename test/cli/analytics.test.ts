/** CLI contracts of issue #11: `stats` (assisted, feedback), `stats --funnel`, `export --report funnel`, TEST_USERS. */
import { describe, expect, it } from 'vitest';
import { runCli, tempDatabase } from '../support/run-cli.js';

describe('CLI: funnel, feedback and test users', () => {
  it('stats --funnel and export --report funnel show real people only; TEST_USERS are left out', async () => {
    const db = tempDatabase();
    const input = [
      { user: 'real', text: 'tôi 20 tuổi' },
      { user: 'real', choice: 'consent:no' },
      { user: 'real', choice: 'fb:down' },
      { user: 'real', choice: 'fb:unclear' },
      { user: 'tester', text: 'tôi 21 tuổi' },
      { user: 'tester', choice: 'consent:no' },
      { user: 'tester', choice: 'fb:up' },
      { user: 'other', text: 'kiểm tra biz.vn' },
    ]
      .map((l) => JSON.stringify(l))
      .join('\n');
    const chat = await runCli(['chat', '--jsonl'], `${input}\n`, { DATABASE_PATH: db, TEST_USERS: 'console:tester' });
    expect(chat.code, chat.stderr).toBe(0);

    const stats = await runCli(['stats', '--funnel'], '', { DATABASE_PATH: db });
    expect(stats.code, stats.stderr).toBe(0);
    expect(stats.stdout).toMatch(/^id\.vn\s+1\s+0\s+0\s+1/m); // the checks: the tester's is not there
    expect(stats.stdout).toMatch(/Feedback[\s\S]*^id\.vn\s+0\s+1\s+0%/m);
    expect(stats.stdout).toMatch(/Remarks: unclear 1, missing_info 0, not_my_case 0, other 0/);
    expect(stats.stdout).toMatch(/^started\s+—\s+—\s+2\s+100%$/m);
    expect(stats.stdout).toMatch(/^track_chosen\s+1\s+1\s+2\s+100%$/m);
    expect(stats.stdout).toMatch(/^result_shown\s+1\s+0\s+1\s+50%$/m);

    const plain = await runCli(['stats'], '', { DATABASE_PATH: db });
    expect(plain.stdout).toMatch(/Assisted checks/);
    expect(plain.stdout).not.toMatch(/^started/m);

    const csv = await runCli(['export', '--report', 'funnel', '--format', 'csv'], '', { DATABASE_PATH: db });
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.split('\r\n')).toEqual([
      'day,step,track,count',
      // Issue #18: every text cell quoted (a spreadsheet never reads one as a formula).
      '"2026-11-23","question_answered","id.vn",1',
      '"2026-11-23","result_shown","id.vn",1',
      '"2026-11-23","started","",2',
      '"2026-11-23","track_chosen","biz.vn",1',
      '"2026-11-23","track_chosen","id.vn",1',
      '',
    ]);
    const bad = await runCli(['export', '--report', 'funnel', '--format', 'xlsx'], '', { DATABASE_PATH: db });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--format "xlsx" is not supported with --report funnel/);
  });
});
