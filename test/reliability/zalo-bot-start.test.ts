/**
 * `npm start` with ZALO_BOT_TOKEN and ZALO_BOT_API_ROOT, as a child process
 * against FakeZaloBotApi: it long-polls, serves a person through a whole
 * biz.vn check, records a `zalo-bot` check in SQLite, and stops cleanly on
 * SIGTERM to its process group ("stopped" logged, nothing left running).
 */
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeZaloBotApi } from '../fakes/zalo-bot-api-server.js';
import { REPO, tempDatabase } from '../support/run-cli.js';
import { waitUntil } from '../support/wait.js';

let fake: FakeZaloBotApi | undefined;
afterEach(async () => fake?.close());

describe('npm start with the Zalo Bot', () => {
  it('serves a person, records a zalo-bot check, and stops on SIGTERM', { timeout: 120_000 }, async () => {
    fake = await new FakeZaloBotApi().start();
    const bot = fake;
    const db = tempDatabase();
    const child = spawn('npm', ['start', '--silent'], {
      cwd: REPO,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', DATABASE_PATH: db, ZALO_BOT_TOKEN: bot.token, ZALO_BOT_API_ROOT: bot.apiRoot, ZALO_ENABLED: 'false', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: SIGTERM goes to npm, tsx and the bot together, as systemd, Docker or Ctrl-C send it.
      detached: true,
    });
    let logs = '';
    child.stderr.on('data', (chunk: Buffer) => (logs += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => (logs += chunk.toString('utf8')));
    // 'close' waits for every process holding the pipes (npm, tsx, the bot) to end.
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    try {
      await waitUntil(() => /"channel started".*"zalo-bot"/.test(logs) && bot.count('getUpdates') > 0, 60_000);
      expect(logs).toMatch(/"channel started".*"zalo-bot"/);

      const say = async (text: string): Promise<string> => {
        const before = bot.textsTo('pp01').length;
        bot.userText('pp01', text);
        await waitUntil(() => bot.textsTo('pp01').length > before, 20_000);
        await new Promise((resolve) => setTimeout(resolve, 150));
        return bot.textsTo('pp01').slice(before).join('\n');
      };
      expect(await say('xin chao')).toMatch(/Xin chào/);
      expect(await say('2')).toMatch(/thuộc loại nào/);
      expect(await say('ho kinh doanh')).toMatch(/giấy chứng nhận/i);
      expect(await say('co')).toMatch(/hộ của bạn đủ điều kiện/);
      await say('1');
    } finally {
      process.kill(-(child.pid ?? 0), 'SIGTERM');
    }
    const { code, signal } = await exited;
    expect(code === 0 || signal === 'SIGTERM', `npm exit ${code} ${signal}`).toBe(true); // npm itself dies of the signal; the bot exits 0
    expect(logs).toMatch(/"shutting down".*"SIGTERM"/);
    expect(logs).toMatch(/"stopped"/);
    const sqlite = new Database(db, { readonly: true });
    try {
      expect(sqlite.prepare('SELECT address, channel, track, outcome FROM checks').all()).toEqual([
        { address: 'zalo-bot:pp01', channel: 'zalo-bot', track: 'biz.vn', outcome: 'eligible' },
      ]);
    } finally {
      sqlite.close();
    }
  });
});
