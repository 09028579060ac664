/**
 * Behind the leader wrapper, Zalo's health is the real channel's on the
 * replica that holds the listener, and "up" (standing by) on the others.
 */
import { describe, expect, it } from 'vitest';
import type { Channel, ChannelHealth } from '../../src/core/ports.js';
import { underLeadership } from '../../src/jobs/zalo-leader.js';
import { createLocalCoordination, type Coordination } from '../../src/storage/coordination.js';
import { waitUntil } from '../support/wait.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const clock = { now: () => new Date('2026-11-23T02:00:00Z') };

function zalo(health: ChannelHealth): Channel {
  return { name: 'zalo', start: async () => undefined, stop: async () => undefined, send: async () => ({ status: 'unsupported' }), health: () => health };
}

describe('Zalo health behind leadership', () => {
  it('the leader reports the real channel; before start it is stopped', async () => {
    const channel = underLeadership(zalo({ up: false, problem: 'logged_out' }), { coordination: createLocalCoordination(), clock, log: quiet });
    expect(channel.health?.()).toEqual({ up: false, problem: 'stopped' });
    await channel.start();
    await waitUntil(() => channel.isLeader());
    expect(channel.health?.()).toEqual({ up: false, problem: 'logged_out' });
    await channel.stop();
  });

  it('a replica standing by is up', async () => {
    const never: Coordination = {
      ...createLocalCoordination(),
      lead: () => ({ isLeader: () => false, stop: async () => undefined }),
    };
    const channel = underLeadership(zalo({ up: false, problem: 'logged_out' }), { coordination: never, clock, log: quiet });
    await channel.start();
    expect(channel.health?.()).toEqual({ up: true });
  });
});
