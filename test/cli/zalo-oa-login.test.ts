/**
 * `npm run cli -- zalo-oa-login` as a child process against FakeZaloOa's
 * OAuth endpoint: the PKCE flow (URL printed, code pasted on stdin, verifier
 * checked by the fake) and `--refresh-token`; tokens end up in SQLite.
 */
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { codeFrom } from '../../src/cli/commands/zalo-oa-login.js';
import { FakeZaloOa } from '../fakes/zalo-oa-server.js';
import { REPO, runCli, tempDatabase } from '../support/run-cli.js';

let fake: FakeZaloOa | undefined;
afterEach(async () => fake?.close());

const envFor = (oa: FakeZaloOa, db: string): Record<string, string> => ({
  DATABASE_PATH: db,
  ZALO_OA_APP_ID: oa.appId,
  ZALO_OA_APP_SECRET: oa.appSecret,
  ZALO_OA_SECRET_KEY: oa.oaSecretKey,
  ZALO_OA_OAUTH_ROOT: oa.root,
  HTTP_PORT: '9464',
});

const storedTokens = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT access_token, refresh_token, expires_at FROM zalo_oa_tokens').all();
  } finally {
    db.close();
  }
};

describe('zalo-oa-login', () => {
  it('PKCE: prints the permission URL, takes the pasted callback address, stores the tokens', { timeout: 60_000 }, async () => {
    fake = await new FakeZaloOa().start();
    const oa = fake;
    const db = tempDatabase();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'zalo-oa-login', '--redirect-uri', 'https://bot.example.vn/zalo-oa/callback'], {
      cwd: REPO,
      env: { PATH: process.env['PATH'] ?? '', BOT_CLOCK: '2026-11-23T09:00:00+07:00', ...envFor(oa, db) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        if (/Bước 2/.test(stdout)) resolve();
      }),
    );
    const url = new URL(/^(http\S+\/v4\/oa\/permission\S+)$/m.exec(stdout)?.[1] ?? 'http://missing');
    expect(url.searchParams.get('app_id')).toBe(oa.appId);
    expect(url.searchParams.get('redirect_uri')).toBe('https://bot.example.vn/zalo-oa/callback');
    const challenge = url.searchParams.get('code_challenge') ?? '';
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    child.stdin.end(`https://bot.example.vn/zalo-oa/callback?oa_id=${oa.oaId}&code=${oa.authorize(challenge)}&state=x\n`);
    expect(await exit).toBe(0);
    expect(stdout).toMatch(/Đã kết nối OA/);
    expect(stdout).not.toContain(oa.accessToken);
    expect(storedTokens(db)).toEqual([{ access_token: oa.accessToken, refresh_token: oa.refreshToken, expires_at: '2026-11-24T03:00:00.000Z' }]);
  });

  it('--refresh-token: exchanged (answer under "data", expires_in a string), the new pair stored; a used one is refused', { timeout: 60_000 }, async () => {
    fake = await new FakeZaloOa().start();
    fake.tokenShape = 'data';
    const db = tempDatabase();
    const given = fake.refreshToken;
    const first = await runCli(['zalo-oa-login', '--refresh-token', given], '', envFor(fake, db));
    expect(first.code).toBe(0);
    expect(storedTokens(db)).toEqual([{ access_token: fake.accessToken, refresh_token: fake.refreshToken, expires_at: '2026-11-24T03:00:00.000Z' }]);
    const again = await runCli(['zalo-oa-login', '--refresh-token', given], '', envFor(fake, db));
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/Không lấy được mã truy cập từ Zalo: .*-14014/);
  });

  it('without the OA configured it says what to set', { timeout: 60_000 }, async () => {
    const result = await runCli(['zalo-oa-login'], '', { DATABASE_PATH: tempDatabase() });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/ZALO_OA_APP_ID, ZALO_OA_APP_SECRET, ZALO_OA_SECRET_KEY và HTTP_PORT/);
  });

  it('takes the code alone or inside the callback address', () => {
    expect(codeFrom('  abc123 ')).toBe('abc123');
    expect(codeFrom('https://x.vn/cb?oa_id=1&code=abc%2D1&state=s')).toBe('abc-1');
    expect(codeFrom('code=xyz&state=1')).toBe('xyz');
  });
});
