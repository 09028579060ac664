import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZaloSession, resaveZaloSession, writeZaloSession, ZaloSessionError } from '../../../src/channels/zalo/session-file.js';
import type { ZaloCredentials } from '../../../src/channels/zalo/zalo-api.js';

const credentials: ZaloCredentials = {
  cookie: [{ key: 'zpw_sek', value: 'abc', domain: 'chat.zalo.me', path: '/', httpOnly: true }],
  imei: '3f1c-imei',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0',
  language: 'vi',
};

const tempDir = () => mkdtemp(join(tmpdir(), 'zalo-session-'));

describe('Zalo session file', () => {
  it('is written owner-only (0600), also over an existing world-readable file, and reads back', async () => {
    const path = join(await tempDir(), 'data', 'zalo-session.json');
    await writeZaloSession(path, credentials, new Date('2026-11-23T02:00:00Z'));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readZaloSession(path)).toEqual(credentials);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ savedAt: '2026-11-23T02:00:00.000Z' });

    await writeFile(path, '{}', { mode: 0o644 });
    await writeZaloSession(path, { ...credentials, cookie: [{ key: 'zpw_sek', value: 'def' }] });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await readZaloSession(path)).cookie).toEqual([{ key: 'zpw_sek', value: 'def' }]);
  });

  it('missing → an error that names the fix', async () => {
    const path = join(await tempDir(), 'zalo-session.json');
    const error = await readZaloSession(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloSessionError);
    expect((error as ZaloSessionError).code).toBe('ZALO_SESSION_MISSING');
    expect((error as Error).message).toBe(
      `No saved Zalo login at ${path}. Run "npm run cli -- zalo-login" and scan the QR code with the bot's phone.`,
    );
  });

  it.each([
    ['truncated JSON', '{"cookie": [', 'not valid JSON'],
    ['no cookies', JSON.stringify({ ...credentials, cookie: [] }), 'cookie: no cookies'],
    ['no imei', JSON.stringify({ cookie: credentials.cookie, userAgent: 'x' }), 'imei'],
  ])('corrupt (%s) → the same fix', async (_name, body, detail) => {
    const path = join(await tempDir(), 'zalo-session.json');
    await writeFile(path, body);
    const error = await readZaloSession(path).catch((e: unknown) => e);
    expect((error as ZaloSessionError).code).toBe('ZALO_SESSION_INVALID');
    expect((error as Error).message).toContain(`The saved Zalo login at ${path} is unreadable (`);
    expect((error as Error).message).toContain(detail);
    expect((error as Error).message).toMatch(/Run "npm run cli -- zalo-login" and scan the QR code with the bot's phone\.$/);
  });

  it('re-saving refreshed cookies never overwrites a newer login made with zalo-login meanwhile', async () => {
    const path = join(await tempDir(), 'zalo-session.json');
    await writeZaloSession(path, credentials);
    const refreshed = { ...credentials, cookie: [{ key: 'zpw_sek', value: 'refreshed' }] };
    expect(await resaveZaloSession(path, refreshed)).toBe('saved');
    expect((await readZaloSession(path)).cookie).toEqual(refreshed.cookie);

    const newer = { ...credentials, imei: 'new-device', cookie: [{ key: 'zpw_sek', value: 'new' }] };
    await writeZaloSession(path, newer);
    expect(await resaveZaloSession(path, refreshed)).toBe('kept-newer-login');
    expect(await readZaloSession(path)).toEqual(newer);
  });
});
