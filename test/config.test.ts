import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('runs with nothing set: console defaults, Vietnamese, data/bot.sqlite', () => {
    expect(loadConfig({})).toMatchObject({ DATABASE_PATH: 'data/bot.sqlite', DEFAULT_LOCALE: 'vi', RETENTION_DAYS: 730, ZALO_ENABLED: true });
  });

  it('treats blank optional values as unset', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '', TELEGRAM_API_ROOT: '  ' }).TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it('names each bad variable and its fix, without echoing secrets', () => {
    let error: unknown;
    try {
      loadConfig({ TELEGRAM_BOT_TOKEN: 'secret-but-wrong', DEFAULT_LOCALE: 'fr', TELEGRAM_WEBHOOK_PORT: '99999' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect((error as ConfigError).variables).toEqual(expect.arrayContaining(['TELEGRAM_BOT_TOKEN', 'DEFAULT_LOCALE', 'TELEGRAM_WEBHOOK_PORT']));
    expect(message).toMatch(/TELEGRAM_BOT_TOKEN: .*@BotFather/);
    expect(message).toMatch(/DEFAULT_LOCALE: .*"vi" or "en"/);
    expect(message).not.toContain('secret-but-wrong');
  });

  it('DATABASE_URL picks PostgreSQL; a wrong one names the fix without echoing the password', () => {
    expect(loadConfig({}).DATABASE_URL).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: 'postgres://bot:pw@127.0.0.1:5432/tenmien' }).DATABASE_URL).toBe('postgres://bot:pw@127.0.0.1:5432/tenmien');
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://bot:hunter2@db/x', DATABASE_POOL_SIZE: '1' });
    } catch (e) {
      error = e;
    }
    const message = (error as ConfigError).message;
    expect(message).toMatch(/DATABASE_URL: .*postgres:\/\/.*unset it to use SQLite/);
    expect(message).toMatch(/DATABASE_POOL_SIZE: .*between 2 and 100/);
    expect(message).not.toContain('hunter2');
  });

  it('a webhook secret shorter than 32 characters is refused, with how to make one and without echoing it (issue #18)', () => {
    const env = { TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', TELEGRAM_WEBHOOK_URL: 'https://bot.example.vn/tg' };
    expect(() => loadConfig({ ...env, TELEGRAM_WEBHOOK_SECRET: 'k' })).toThrow(/TELEGRAM_WEBHOOK_SECRET: is not valid\. Use 32–256 .*openssl rand -hex 32/);
    expect(() => loadConfig({ ...env, TELEGRAM_WEBHOOK_SECRET: 'k'.repeat(31) })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(loadConfig({ ...env, TELEGRAM_WEBHOOK_SECRET: 'k'.repeat(32) }).TELEGRAM_WEBHOOK_SECRET).toBe('k'.repeat(32));
  });

  it('webhook mode needs a secret', () => {
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', TELEGRAM_WEBHOOK_URL: 'https://bot.example.vn/tg' })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
  });
});
