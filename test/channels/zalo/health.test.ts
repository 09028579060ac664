/**
 * The Zalo channel's health() for /readyz, bot_channel_up and the admin
 * alerts: online is up, a drop is down while it reconnects, a logout is down
 * for good, and a refreshed login that cannot be saved is a warning.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settle, zaloKit } from './kit.js';

describe('Zalo channel health', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stopped → online (up) → network drop (down, connecting) → online again → logged out (down) ', async () => {
    const kit = zaloKit({ backoff: { initialMs: 1_000, maxMs: 8_000 } });
    expect(kit.channel.health?.()).toEqual({ up: false, problem: 'stopped' });
    await kit.channel.start();
    await settle();
    expect(kit.channel.health?.()).toEqual({ up: true });
    kit.fake.close(1006);
    expect(kit.channel.health?.()).toEqual({ up: false, problem: 'connecting' });
    await vi.advanceTimersByTimeAsync(1_000);
    await settle();
    expect(kit.channel.health?.()).toEqual({ up: true });
    kit.fake.close(3000);
    expect(kit.channel.health?.()).toEqual({ up: false, problem: 'logged_out' });
  });

  it('a refreshed login that cannot be written back is a warning while the channel stays up', async () => {
    let failing = true;
    const kit = zaloKit({
      saveCredentials: async () => {
        if (failing) throw new Error('EACCES: permission denied');
      },
    });
    await kit.channel.start();
    await settle();
    expect(kit.channel.health?.()).toEqual({ up: true, problem: 'credentials_not_saved' });
    failing = false;
    kit.fake.close(1006);
    await vi.advanceTimersByTimeAsync(60_000);
    await settle();
    expect(kit.channel.health?.()).toEqual({ up: true });
  });
});
