import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant.js';
import { loadConfig } from '../../src/config.js';
import type { Address, Input } from '../../src/core/message.js';
import { understand } from '../../src/core/nlu/index.js';
import { loadProgram } from '../../src/data.js';
import { createI18n } from '../../src/i18n.js';
import { createLogger, hashAddress, type LogLevel } from '../../src/log.js';
import { openStore } from '../../src/storage/index.js';
import type { Session } from '../../src/core/session.js';
import { fixedClock } from '../fakes/clock.js';
import { createTestApp } from '../support/app.js';

const SALT = 'test-salt-0123456789';
const ADDRESS: Address = 'telegram:987654321';
const MESSAGES = [
  '/start DTN_KIENAN_07',
  'Em là Trần Văn Bình, sinh ngày 15/3/2004, CCCD 031204001234, số điện thoại 0912345678',
  'gọi lại giúp em qua +84912345678 nhé',
  'tôi 20 tuổi',
  'có',
  'rút lại đồng ý',
];

function parsed(logs: readonly string[]): Record<string, unknown>[] {
  return logs.map((line) => JSON.parse(line) as Record<string, unknown>);
}

function expectNoPersonalData(logs: readonly string[]): void {
  const all = logs.join('\n');
  expect(all).not.toContain(ADDRESS);
  expect(all).not.toContain('987654321');
  for (const message of MESSAGES) if (message.length >= 3 && !message.startsWith('/')) expect(all).not.toContain(message);
  expect(all).not.toMatch(/15\/3\/2004|031204001234|0912345678|\+84912345678|Bình/);
}

describe('logs of a turn', () => {
  it('carry the hashed address and what happened, never the raw address or the message text', async () => {
    const app = createTestApp();
    for (const text of MESSAGES) await app.handle({ from: ADDRESS, text });
    await app.handle({ from: ADDRESS, choice: 'forget:yes' });
    app.close();
    const turns = parsed(app.logs).filter((l) => l['msg'] === 'turn');
    expect(turns).toHaveLength(MESSAGES.length + 1);
    expect(turns[0]).toMatchObject({ level: 'debug', address: hashAddress(ADDRESS, SALT), kind: 'text' });
    expect(turns.at(-1)).toMatchObject({ kind: 'choice', writes: ['forget'] });
    expectNoPersonalData(app.logs);
  });

  it('a failed turn logs the error without the address or the words the person typed in it', async () => {
    const logs: string[] = [];
    const clock = fixedClock('2026-11-23T09:00:00+07:00');
    const store = openStore<Session>(':memory:', { clock });
    const handle = createAssistant({
      clock,
      program: loadProgram(),
      i18n: createI18n(),
      understand,
      sessions: store.sessions,
      records: {
        ...store.records,
        commit: (turn) => {
          throw new Error(`disk I/O error while saving ${turn.address} after "${MESSAGES[1]}"`);
        },
      },
      log: createLogger({ level: 'info', salt: SALT, write: (line) => logs.push(line) }),
      retentionDays: 730,
      defaultLocale: 'vi',
    });
    const input: Input = { from: ADDRESS, text: MESSAGES[1] ?? '' };
    const { messages: replies } = await handle(input);
    store.close();
    expect(replies.map((r) => r.text)).toEqual([expect.stringMatching(/trục trặc/)]);
    expect(parsed(logs)).toEqual([
      expect.objectContaining({ level: 'error', msg: 'turn failed', address: hashAddress(ADDRESS, SALT), error: expect.stringMatching(/^disk I\/O error while saving \[address\] after "\[text\]"$/) }),
    ]);
    expectNoPersonalData(logs);
  });

  it('the logger itself hashes a quoted address and blanks phone and ID numbers in any field', () => {
    const logs: string[] = [];
    const log = createLogger({ level: 'debug', salt: SALT, write: (line) => logs.push(line), now: () => new Date('2026-11-23T02:00:00Z') });
    log.warn(`send to ${ADDRESS} failed`, { address: ADDRESS, detail: `chat ${ADDRESS}, phone 0912345678, id 031204001234`, at: '2026-11-23T02:00:00.000Z' });
    expect(parsed(logs)[0]).toEqual({
      time: '2026-11-23T02:00:00.000Z',
      level: 'warn',
      msg: `send to ${hashAddress(ADDRESS, SALT)} failed`,
      address: hashAddress(ADDRESS, SALT),
      detail: `chat ${hashAddress(ADDRESS, SALT)}, phone [number], id [number]`,
      at: '2026-11-23T02:00:00.000Z',
    });
  });
});

describe('log levels by setting', () => {
  it.each<[LogLevel, string[]]>([
    ['debug', ['debug', 'info', 'warn', 'error']],
    ['info', ['info', 'warn', 'error']],
    ['warn', ['warn', 'error']],
    ['error', ['error']],
  ])('LOG_LEVEL=%s keeps %j', (level, kept) => {
    const logs: string[] = [];
    const log = createLogger({ level: loadConfig({ LOG_LEVEL: level }).LOG_LEVEL, salt: SALT, write: (line) => logs.push(line) });
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    expect(parsed(logs).map((l) => l['level'])).toEqual(kept);
  });

  it('defaults to info and rejects an unknown level with the fix', () => {
    expect(loadConfig({}).LOG_LEVEL).toBe('info');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL.*debug, info, warn, error/);
  });
});

describe('addresses inside log strings (issue #18)', () => {
  it('a short Telegram id in an error message is hashed like the address field, never written raw', async () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'debug', salt: SALT, write: (line) => lines.push(line) });
    log.warn('handoff: answer not delivered', { code: 'H7', error: 'not delivered to telegram:12345: blocked' });
    log.error('zalo:778 failed for console:lan', { to: 'zalo:778' });
    const all = lines.join('\n');
    expect(all).not.toMatch(/telegram:12345|zalo:778|console:lan|12345/);
    expect(all).toContain(hashAddress('telegram:12345', SALT));
    expect(all).toContain(hashAddress('zalo:778', SALT));
    expect(all).toContain(hashAddress('console:lan', SALT));
  });

  it('a failed relay delivery names no address in its error (the log hashes the address field instead)', async () => {
    const { createLateDeliver } = await import('../../src/jobs/deliver.js');
    const late = createLateDeliver();
    late.attach([{ name: 'telegram', start: async () => {}, stop: async () => {}, send: async () => ({ status: 'blocked' }) }]);
    await expect(late.deliver('telegram:12345', [{ text: 'x' }])).rejects.toThrow(/^not delivered: blocked$/);
  });
});
