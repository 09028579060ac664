/**
 * Issue #18, item 12: with Zalo the only channel and Zalo down (here: a login
 * file that does not parse, so no network is touched), the process used to
 * exit 0 at once with nothing on its event loop — a service manager would
 * not restart it. It now stays up until it is told to stop, then exits 0.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startReplica } from '../support/replicas.js';
import { setTimeout as sleep } from 'node:timers/promises';

describe('the bot process (issue #18)', () => {
  it('stays up while its only channel (Zalo) is down, until SIGTERM; then exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bot-stays-up-'));
    const session = join(dir, 'zalo-session.json');
    writeFileSync(session, 'not json', { mode: 0o600 });
    const bot = startReplica(0, {
      DATABASE_PATH: join(dir, 'bot.sqlite'),
      ZALO_ENABLED: 'true',
      ZALO_SESSION_PATH: session,
      LOG_LEVEL: 'info',
    });
    await bot.waitFor((line) => typeof line === 'object' && line['msg'] === 'zalo status' && line['state'] === 'logged_out', 'Zalo logged out', 60_000);
    await sleep(2_000);
    expect(bot.child.exitCode, JSON.stringify(bot.logs.slice(-5))).toBeNull();
    expect(await bot.stop('SIGTERM')).toBe(0);
    expect(bot.logs.some((line) => line['msg'] === 'stopped')).toBe(true);
  }, 90_000);
});
