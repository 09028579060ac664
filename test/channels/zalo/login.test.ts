import { existsSync } from 'node:fs';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LoginQRCallbackEventType, ZaloApiLoginQRAborted } from 'zca-js';
import type { LoginQRCallback } from 'zca-js';
import { runZaloLogin, ZaloLoginError, type LoginQR } from '../../../src/channels/zalo/login.js';
import { readZaloSession } from '../../../src/channels/zalo/session-file.js';
import { i18n } from './kit.js';

type Step = 'generated' | 'expired' | 'scanned' | 'declined' | 'login';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const cookie = [{ key: 'zpw_sek', value: 'fresh', domain: 'chat.zalo.me', path: '/' }];

/**
 * Plays zca-js loginQR's events. Like zca-js: after "expired" or "declined"
 * nothing happens until the callback calls retry() or abort(); GotLoginInfo's
 * callback is not awaited.
 */
function scriptedLoginQR(steps: Step[], seen: { qrExisted: boolean[] }): LoginQR {
  return async (options, callback: LoginQRCallback) => {
    for (const step of steps) {
      if (step === 'generated') {
        const actions = { saveToFile: async () => undefined, retry: () => undefined, abort: () => undefined };
        await callback({ type: LoginQRCallbackEventType.QRCodeGenerated, data: { code: 'c', image: PNG.toString('base64'), options: { enabledCheckOCR: false, enabledMultiLayer: false }, token: 't' }, actions });
        seen.qrExisted.push(options.qrPath !== undefined && existsSync(options.qrPath));
      } else if (step === 'expired' || step === 'declined') {
        const decision = await new Promise<'retry' | 'abort'>((resolve) => {
          const actions = { retry: () => resolve('retry'), abort: () => resolve('abort') };
          if (step === 'expired') void callback({ type: LoginQRCallbackEventType.QRCodeExpired, data: null, actions });
          else void callback({ type: LoginQRCallbackEventType.QRCodeDeclined, data: { code: 'c' }, actions });
        });
        if (decision === 'abort') throw new ZaloApiLoginQRAborted();
      } else if (step === 'scanned') {
        await callback({ type: LoginQRCallbackEventType.QRCodeScanned, data: { avatar: '', display_name: 'Bot Tên Miền' }, actions: { retry: () => undefined, abort: () => undefined } });
      } else {
        void callback({ type: LoginQRCallbackEventType.GotLoginInfo, data: { cookie, imei: 'imei-1', userAgent: 'UA' }, actions: null });
      }
    }
    return {};
  };
}

async function setup(steps: Step[]) {
  const dir = await mkdtemp(join(tmpdir(), 'zalo-login-'));
  const lines: string[] = [];
  const seen = { qrExisted: [] as boolean[] };
  const options = {
    sessionPath: join(dir, 'data', 'zalo-session.json'),
    qrPngPath: join(dir, 'tmp', 'zalo-qr.png'),
    out: (line: string) => void lines.push(line),
    t: i18n.t,
    loginQR: scriptedLoginQR(steps, seen),
  };
  return { options, lines, seen };
}

describe('zalo-login', () => {
  it('saves the QR as a PNG, prints its path in vi + en, retries an expired QR, then saves the login 0600', async () => {
    const { options, lines, seen } = await setup(['generated', 'expired', 'generated', 'scanned', 'login']);
    await expect(runZaloLogin(options)).resolves.toEqual({ sessionPath: options.sessionPath });

    expect(seen.qrExisted).toEqual([true, true]);
    expect(existsSync(options.qrPngPath)).toBe(false); // a used QR is cleaned up
    expect(lines).toContain(`Đã lưu mã QR vào tệp: ${options.qrPngPath}`);
    expect(lines).toContain(`  QR code saved to: ${options.qrPngPath}`);
    expect(lines).toContain('Mã QR đã hết hạn, đang tạo mã mới (2/3)…');
    expect(lines).toContain('Tài khoản "Bot Tên Miền" đã quét mã. Bấm Đăng nhập trên điện thoại để xác nhận.');
    expect(lines.at(-2)).toContain(`Đã lưu phiên đăng nhập vào ${options.sessionPath}`);

    expect((await stat(options.sessionPath)).mode & 0o777).toBe(0o600);
    expect(await readZaloSession(options.sessionPath)).toEqual({ cookie, imei: 'imei-1', userAgent: 'UA', language: 'vi' });
  });

  it('a QR that keeps expiring stops after 3 codes with the command to run again', async () => {
    const { options, lines } = await setup(['generated', 'expired', 'generated', 'expired', 'generated', 'expired', 'generated']);
    const error = await runZaloLogin(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloLoginError);
    expect((error as Error).message).toContain('Run "npm run cli -- zalo-login" again');
    expect(lines).toContain('Mã QR đã hết hạn 3 lần liên tiếp nên mình dừng lại. Khi đã cầm sẵn điện thoại, bạn chạy lại "npm run cli -- zalo-login" nhé.');
    expect(existsSync(options.sessionPath)).toBe(false);
  });

  it('declined on the phone → aborts (zca-js would wait forever) and names the command', async () => {
    const { options, lines } = await setup(['generated', 'scanned', 'declined']);
    await expect(runZaloLogin(options)).rejects.toThrow('declined');
    expect(lines).toContain('Yêu cầu đăng nhập đã bị từ chối trên điện thoại. Muốn thử lại thì chạy "npm run cli -- zalo-login".');
  });

  it('a network failure before any QR → the reason and the command', async () => {
    const { options, lines } = await setup([]);
    options.loginQR = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(runZaloLogin(options)).rejects.toThrow('Zalo login did not complete (fetch failed). Run "npm run cli -- zalo-login" again');
    expect(lines).toContain('Đăng nhập Zalo không thành công (fetch failed). Chạy lại "npm run cli -- zalo-login" và quét mã QR mới nhé.');
  });
});

describe('zalo locale files', () => {
  it('vi and en have the same keys', async () => {
    const { flattenKeys } = await import('../../../src/i18n.js');
    const load = async (lang: string) => JSON.parse(await readFile(new URL(`../../../locales/${lang}/zalo.json`, import.meta.url), 'utf8'));
    expect(flattenKeys(await load('en')).sort()).toEqual(flattenKeys(await load('vi')).sort());
  });
});
