import { describe, expect, it } from 'vitest';
import type { Input } from '../../../src/core/message.js';
import { deferred, settle, zaloKit } from './kit.js';

const textOf = (input: Input): string => ('text' in input ? input.text : input.choice);

describe('Zalo channel: bursts and account safety', () => {
  it('50 quick messages from one person: handled one at a time in order, one slow-down notice, sends spaced by the throttle', async () => {
    let running = 0;
    let maxRunning = 0;
    const minIntervalMs = 15;
    const kit = zaloKit({
      throttle: { minIntervalMs },
      rateLimit: { windowMs: 60_000, limit: 10 },
      reply: async (input) => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((resolve) => setTimeout(resolve, 2));
        running -= 1;
        return [{ text: `ok ${textOf(input)}` }];
      },
    });
    await kit.channel.start();
    for (let i = 1; i <= 50; i += 1) kit.fake.userText('5001', `m${i}`);
    await kit.channel.stop(); // drains

    const expected = Array.from({ length: 10 }, (_, i) => `m${i + 1}`);
    expect(kit.handler.inputs.map(textOf)).toEqual(expected);
    expect(maxRunning).toBe(1);
    const texts = kit.fake.textsTo('5001');
    expect(texts.filter((t) => t.startsWith('Bạn nhắn nhanh quá'))).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith('ok '))).toEqual(expected.map((m) => `ok ${m}`));
    const gaps = kit.fake.sent.slice(1).map((m, i) => m.at - (kit.fake.sent[i]?.at ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(minIntervalMs - 1);
    expect(kit.log.lines.filter((l) => l.includes('rate limit'))).toEqual([
      'warn: Zalo rate limit reached; dropping this person’s messages for a while {"address":"zalo:5001"}',
    ]);
  });

  it('after the window the person is heard again (and may get a new notice next time)', async () => {
    let now = Date.parse('2026-11-23T09:00:00+07:00');
    const kit = zaloKit({ rateLimit: { windowMs: 60_000, limit: 2 }, now: () => new Date(now) });
    await kit.channel.start();
    for (const text of ['a', 'b', 'c', 'd']) kit.fake.userText('5002', text);
    await settle();
    now += 60_000;
    kit.fake.userText('5002', 'e');
    await settle();
    expect(kit.handler.inputs.map(textOf)).toEqual(['a', 'b', 'e']);
    expect(kit.fake.textsTo('5002').filter((t) => t.startsWith('Bạn nhắn nhanh quá'))).toHaveLength(1);
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
