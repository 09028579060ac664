import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant.js';
import type { Address, Handler } from '../../src/core/message.js';
import { understand } from '../../src/core/nlu/index.js';
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitOptions } from '../../src/core/rate-limit.js';
import type { Session } from '../../src/core/session.js';
import { loadProgram } from '../../src/data.js';
import { createI18n } from '../../src/i18n.js';
import { createLogger } from '../../src/log.js';
import { openStore } from '../../src/storage/index.js';
import { fixedClock } from '../fakes/clock.js';

describe('createRateLimiter (token bucket, injected clock)', () => {
  const options: RateLimitOptions = { capacity: 3, windowMs: 30_000 };

  it('allows a burst of `capacity`, then one notice, then silence', () => {
    const clock = fixedClock('2026-11-23T09:00:00+07:00');
    const limiter = createRateLimiter(options, clock);
    expect(Array.from({ length: 7 }, () => limiter.take('zalo:a'))).toEqual(['allow', 'allow', 'allow', 'notify', 'drop', 'drop', 'drop']);
  });

  it('stays silent until the bucket is full again (the window has passed), then serves normally', () => {
    const clock = fixedClock('2026-11-23T09:00:00+07:00');
    const limiter = createRateLimiter(options, clock);
    for (let i = 0; i < 4; i += 1) limiter.take('zalo:a');
    clock.set('2026-11-23T09:00:29+07:00');
    expect(limiter.take('zalo:a')).toBe('drop'); // tokens are back, but the window has not passed
    clock.set('2026-11-23T09:00:30+07:00');
    expect([limiter.take('zalo:a'), limiter.take('zalo:a'), limiter.take('zalo:a'), limiter.take('zalo:a')]).toEqual(['allow', 'allow', 'allow', 'notify']);
  });

  it('refills steadily: one message per windowMs/capacity is never limited', () => {
    const clock = fixedClock('2026-11-23T09:00:00+07:00');
    const limiter = createRateLimiter(options, clock);
    const verdicts = Array.from({ length: 100 }, () => {
      clock.set(new Date(clock.now().getTime() + 10_000).toISOString());
      return limiter.take('telegram:1');
    });
    expect(new Set(verdicts)).toEqual(new Set(['allow']));
  });

  it('keeps each address apart, survives a clock set back, and forgets idle buckets past maxKeys', () => {
    const clock = fixedClock('2026-11-23T09:00:00+07:00');
    const limiter = createRateLimiter({ ...options, maxKeys: 10 }, clock);
    for (let i = 0; i < 4; i += 1) limiter.take('zalo:a');
    expect(limiter.take('telegram:a')).toBe('allow');
    clock.set('2026-11-23T08:00:00+07:00');
    expect(limiter.take('zalo:a')).toBe('drop');
    clock.set('2026-11-23T10:00:00+07:00');
    for (let i = 0; i < 50; i += 1) limiter.take(`console:${i}`);
    expect(limiter.size()).toBeLessThanOrEqual(10);
  });

  it('refuses nonsense options with the fix', () => {
    expect(() => createRateLimiter({ capacity: 0, windowMs: 1000 }, fixedClock('2026-11-23T09:00:00Z'))).toThrow(/capacity ≥ 1/);
  });
});

describe('the runner with a rate limit (every channel)', () => {
  function limitedAssistant(rateLimit: RateLimitOptions) {
    const clock = fixedClock('2026-11-23T09:00:00+07:00');
    const store = openStore<Session>(':memory:', { clock });
    const logs: string[] = [];
    const handle: Handler = createAssistant({
      clock,
      program: loadProgram(),
      i18n: createI18n(),
      understand,
      sessions: store.sessions,
      records: store.records,
      log: createLogger({ level: 'info', salt: 'rate-limit-salt-000', write: (line) => logs.push(line) }),
      retentionDays: 730,
      defaultLocale: 'vi',
      rateLimit,
    });
    return { clock, store, logs, handle };
  }

  it.each<Address>(['telegram:123', 'zalo:abc', 'console:an'])('on %s: one friendly notice, silence, then normal answers after the window', async (from) => {
    const { clock, store, logs, handle } = limitedAssistant({ capacity: 5, windowMs: 60_000 });
    const answers = [];
    for (let i = 0; i < 9; i += 1) answers.push((await handle({ from, text: `xin chào ${i}` })).messages);
    expect(answers.slice(0, 5).every((a) => a.length > 0 && !/nhắn hơi nhanh/.test(a[0]?.text ?? ''))).toBe(true);
    expect(answers[5]?.map((m) => m.text)).toEqual([expect.stringMatching(/Bạn nhắn hơi nhanh rồi/)]);
    expect(answers.slice(6)).toEqual([[], [], []]);
    expect(logs.filter((l) => l.includes('rate limited'))).toHaveLength(1);
    expect(logs.join('\n')).not.toContain(from);

    clock.set('2026-11-23T09:01:00+07:00');
    const { messages: back } = await handle({ from, text: 'kiểm tra id.vn' });
    expect(back.map((m) => m.text).join('\n')).toMatch(/ngày sinh|năm sinh/);
    store.close();
  });

  it('the notice is in the person\'s language and a button press counts like a message', async () => {
    const { store, handle } = limitedAssistant({ capacity: 2, windowMs: 60_000 });
    const from: Address = 'telegram:55';
    await handle({ from, text: '/lang en' });
    await handle({ from, choice: 'menu:main' });
    expect((await handle({ from, choice: 'menu:main' })).messages.map((m) => m.text)).toEqual([expect.stringMatching(/sending messages a little fast/)]);
    store.close();
  });

  it('a limited person does not slow anybody else down', async () => {
    const { store, handle } = limitedAssistant(DEFAULT_RATE_LIMIT);
    for (let i = 0; i < 40; i += 1) await handle({ from: 'zalo:spammer', text: 'alo' });
    const { messages: reply } = await handle({ from: 'zalo:someone-else', text: 'xin chào' });
    expect(reply[0]?.text).toMatch(/Xin chào/);
    store.close();
  });
});
