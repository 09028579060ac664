import { describe, expect, it, vi } from 'vitest';
import type { Input } from '../../../src/core/message.js';
import { deferred, settle, zaloKit } from './kit.js';

const textOf = (input: Input): string => ('text' in input ? input.text : input.choice);

describe('Zalo channel: bursts and account safety', () => {
  it('20 quick messages from one person: handled one at a time in order, sends spaced by the throttle (the runner limits the rate, not the channel)', async () => {
    let running = 0;
    let maxRunning = 0;
    const minIntervalMs = 15;
    const kit = zaloKit({
      throttle: { minIntervalMs },
      reply: async (input) => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((resolve) => setTimeout(resolve, 2)); // a turn that takes a moment
        running -= 1;
        return [{ text: `ok ${textOf(input)}` }];
      },
    });
    await kit.channel.start();
    for (let i = 1; i <= 20; i += 1) kit.fake.userText('5001', `m${i}`);
    await kit.channel.stop(); // drains

    const expected = Array.from({ length: 20 }, (_, i) => `m${i + 1}`);
    expect(kit.handler.inputs.map(textOf)).toEqual(expected);
    expect(maxRunning).toBe(1);
    expect(kit.fake.textsTo('5001')).toEqual(expected.map((m) => `ok ${m}`));
    const gaps = kit.fake.sent.slice(1).map((m, i) => m.at - (kit.fake.sent[i]?.at ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(minIntervalMs - 1);
  });

  it('over the runner\'s limit, a turn with no messages sends nothing', async () => {
    const kit = zaloKit({ reply: (input) => ('text' in input && input.text === 'dropped' ? [] : [{ text: `ok ${textOf(input)}` }]) });
    await kit.channel.start();
    kit.fake.userText('5002', 'dropped');
    kit.fake.userText('5002', 'last');
    await vi.waitFor(() => expect(kit.fake.textsTo('5002')).toEqual(['ok last']));
    expect(kit.fake.sent).toHaveLength(1);
  });

  it('two people run concurrently: one slow turn does not hold up someone else', async () => {
    const gate = deferred();
    const kit = zaloKit({
      reply: async (input) => {
        if (input.from === 'zalo:5003') await gate.promise;
        return [{ text: `ok ${textOf(input)}` }];
      },
    });
    await kit.channel.start();
    kit.fake.userText('5003', 'slow');
    kit.fake.userText('5003', 'after slow');
    kit.fake.userText('5004', 'fast');
    await settle();
    expect(kit.fake.textsTo('5004')).toEqual(['ok fast']);
    expect(kit.fake.textsTo('5003')).toEqual([]);
    gate.resolve();
    await settle();
    expect(kit.fake.textsTo('5003')).toEqual(['ok slow', 'ok after slow']);
  });
});
