/** The official Zalo channels' variables (issue #19): what they need together, and errors that name the fix. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const errorOf = (env: Record<string, string>): ConfigError => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

const OA = { ZALO_OA_APP_ID: '4567890123', ZALO_OA_APP_SECRET: 'app-secret-hunter2', ZALO_OA_SECRET_KEY: 'oa-key-hunter3' };

describe('Zalo Bot and Zalo OA configuration', () => {
  it('a Zalo Bot token alone is enough (long polling); admins and test users may be zalo-bot / zalo-oa addresses', () => {
    const config = loadConfig({ ZALO_BOT_TOKEN: '1234567:abcDEF_secret', ADMINS: 'zalo-bot:c0ffee,zalo-oa:12345,telegram:1', TEST_USERS: 'zalo-oa:9' });
    expect(config.ZALO_BOT_TOKEN).toBe('1234567:abcDEF_secret');
    expect(config.ADMINS).toEqual(['zalo-bot:c0ffee', 'zalo-oa:12345', 'telegram:1']);
    expect(config.TEST_USERS).toEqual(['zalo-oa:9']);
  });

  it('a malformed token is refused without being echoed', () => {
    const error = errorOf({ ZALO_BOT_TOKEN: 'no-colon-secret' });
    expect(error.variables).toEqual(['ZALO_BOT_TOKEN']);
    expect(error.message).toMatch(/Zalo Bot Creator/);
    expect(error.message).not.toContain('no-colon-secret');
  });

  it('webhook mode needs a secret of at least 32 characters and HTTP_PORT', () => {
    const missing = errorOf({ ZALO_BOT_TOKEN: '1:abc', ZALO_BOT_WEBHOOK_URL: 'https://bot.example.vn/zalo-bot/webhook' });
    expect(missing.variables).toEqual(['ZALO_BOT_WEBHOOK_SECRET', 'HTTP_PORT']);
    expect(missing.message).toMatch(/HTTP_PORT: is required by ZALO_BOT_WEBHOOK_URL.*Set HTTP_PORT/);
    const short = errorOf({ ZALO_BOT_WEBHOOK_URL: 'https://bot.example.vn/zalo-bot/webhook', ZALO_BOT_WEBHOOK_SECRET: 'tooShortSecret', HTTP_PORT: '9464' });
    expect(short.message).toMatch(/ZALO_BOT_WEBHOOK_SECRET: is not valid\. Use 32–256 characters/);
    expect(short.message).not.toContain('tooShortSecret');
    expect(loadConfig({ ZALO_BOT_WEBHOOK_URL: 'https://bot.example.vn/zalo-bot/webhook', ZALO_BOT_WEBHOOK_SECRET: 'x'.repeat(32), HTTP_PORT: '9464' }).ZALO_BOT_WEBHOOK_SECRET).toHaveLength(32);
  });

  it('the OA needs its three keys and HTTP_PORT, naming each missing one; secrets are never shown', () => {
    const error = errorOf({ ZALO_OA_APP_ID: OA.ZALO_OA_APP_ID, ZALO_OA_APP_SECRET: OA.ZALO_OA_APP_SECRET });
    expect(error.variables).toEqual(['ZALO_OA_SECRET_KEY', 'HTTP_PORT']);
    expect(error.message).toMatch(/ZALO_OA_SECRET_KEY: is required to run the Zalo OA channel.*OA Secret Key/);
    expect(error.message).toMatch(/HTTP_PORT: is required by the Zalo OA channel \(its webhook is POST \/zalo-oa\/webhook\)/);
    expect(error.message).not.toContain('hunter2');
    expect(loadConfig({ ...OA, HTTP_PORT: '9464' })).toMatchObject({ ...OA, HTTP_PORT: 9464 });
  });

  it('PUBLIC_BASE_URL needs the HTTP server that serves the images', () => {
    expect(errorOf({ PUBLIC_BASE_URL: 'https://bot.example.vn' }).variables).toEqual(['HTTP_PORT']);
    expect(errorOf({ PUBLIC_BASE_URL: 'not a url', HTTP_PORT: '1' }).message).toMatch(/PUBLIC_BASE_URL: .*public https address/);
  });
});
