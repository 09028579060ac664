/**
 * The Telegram channel's health() for /readyz, bot_channel_up and the admin
 * alerts, against the local Bot API fake: down until started, down while
 * fetching updates fails, up again once a fetch works, down after stop.
 */
import { describe, expect, it } from 'vitest';
import { waitUntil } from '../../support/wait.js';
import { startHarness } from './harness.js';

describe('Telegram channel health', () => {
  it('stopped → polling (up) → getUpdates failing (down) → recovered (up) → stopped', async () => {
    const h = await startHarness(async () => [], { start: false, pollTimeoutSeconds: 1 });
    try {
      expect(h.channel.health()).toEqual({ up: false, problem: 'stopped' });
      await h.channel.start();
      expect(h.channel.health()).toEqual({ up: true });

      h.fake.failNext('getUpdates', { code: 400, description: 'Bad Request: simulated outage' }, 3);
      await waitUntil(() => h.channel.health().up === false, 10_000);
      expect(h.channel.health()).toEqual({ up: false, problem: 'polling_failed' });
      await waitUntil(() => h.channel.health().up, 20_000);
      expect(h.channel.health()).toEqual({ up: true });
    } finally {
      await h.stop();
    }
    expect(h.channel.health()).toEqual({ up: false, problem: 'stopped' });
  }, 30_000);
});
