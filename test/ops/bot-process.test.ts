/**
 * "HTTP_PORT=9464 npm start" for real: `src/main.ts` as a child process
 * (console channel, stdin piped), then the production build `dist/main.js`
 * with plain node. Each answers /healthz, /readyz and /metrics, and a
 * console message moves the console counters and the turn histogram.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/run-cli.js';
import { pollUntil, sample, startBotProcess } from './bot-process.js';

/** dist/main.js exists and is newer than every file in src/ (a stale build would test old code). */
function freshBuild(): boolean {
  const main = join(REPO, 'dist/main.js');
  if (!existsSync(main)) return false;
  const builtAt = statSync(main).mtimeMs;
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
  return newest(join(REPO, 'src')) <= builtAt;
}

async function exercise(args: readonly string[]): Promise<void> {
  const bot = await startBotProcess(args);
  try {
    const ready = await pollUntil(`${bot.url}/readyz`, (status) => status === 200);
    expect(JSON.parse(ready.body)).toEqual({ status: 'ready', channels: { console: { up: true } } });
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);

    // The console greets with /start on its own: one message received so far.
    const before = (await pollUntil(`${bot.url}/metrics`, (_, body) => sample(body, 'bot_messages_received_total{channel="console"}') === 1)).body;
    expect(sample(before, 'bot_turn_duration_seconds_count{channel="console"}')).toBe(1);
    expect(sample(before, 'process_resident_memory_bytes')).toBeGreaterThan(0);

    bot.child.stdin.write('em 19t co dc dk id.vn ko\n');
    const after = (await pollUntil(`${bot.url}/metrics`, (_, body) => sample(body, 'bot_turn_duration_seconds_count{channel="console"}') === 2)).body;
    expect(sample(after, 'bot_messages_received_total{channel="console"}')).toBe(2);
    expect(sample(after, 'bot_replies_sent_total{channel="console",outcome="ok"}')).toBeGreaterThanOrEqual(2);
    expect(sample(after, 'bot_channel_up{channel="console"}')).toBe(1);
  } finally {
    const code = await bot.quit();
    expect(code, bot.stderr()).toBe(0);
  }
}

describe('the bot process answers the operations endpoints', () => {
  it('npm start (tsx src/main.ts) with HTTP_PORT', async () => {
    await exercise(['--import', 'tsx', 'src/main.ts']);
  }, 60_000);

  const built = freshBuild();
  if (!built && process.env['CI'] !== undefined) {
    it('the production build exists in CI', () => {
      expect.fail('dist/main.js is missing or older than src/: .ci/run runs `npm run build` before the tests.');
    });
  }
  it.skipIf(!built)('npm run start:prod (node dist/main.js) with HTTP_PORT; skipped without a fresh `npm run build`', async () => {
    await exercise(['dist/main.js']);
  }, 60_000);
});
