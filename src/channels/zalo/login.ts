/**
 * `npm run cli -- zalo-login`: log the bot's Zalo account in by QR code and
 * save `{ cookie, imei, userAgent }` owner-only to ZALO_SESSION_PATH.
 * zca-js hands the QR as a PNG (not its text), so we save the image and print
 * its path; every line is printed in Vietnamese, then English.
 */
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { LoginQRCallbackEventType, Zalo } from 'zca-js';
import type { LoginQRCallback } from 'zca-js';
import type { Text } from '../../core/message.js';
import { createI18n, type Translate } from '../../i18n.js';
import { writeZaloSession, ZALO_LOGIN_COMMAND } from './session-file.js';
import { ZCA_OPTIONS, type ZaloCredentials } from './zalo-api.js';
import { describeError } from './zalo-status.js';

/** zca-js `Zalo#loginQR`; tests pass a fake that plays the events. */
export type LoginQR = (options: { userAgent?: string; language?: string; qrPath?: string }, callback: LoginQRCallback) => Promise<unknown>;

export type ZaloLoginOptions = {
  readonly sessionPath: string;
  readonly qrPngPath: string;
  readonly out: (line: string) => void;
  readonly t?: Translate;
  readonly loginQR?: LoginQR;
  /** A QR lives about 100 s; after this many expiries in a row we stop. */
  readonly maxQrCodes?: number;
};

export class ZaloLoginError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZaloLoginError';
  }
}

const defaultLoginQR: LoginQR = (options, callback) => new Zalo(ZCA_OPTIONS).loginQR(options, callback);

export async function runZaloLogin(options: ZaloLoginOptions): Promise<{ sessionPath: string }> {
  const { sessionPath, qrPngPath, out } = options;
  const t = options.t ?? createI18n().t;
  const maxQrCodes = options.maxQrCodes ?? 3;
  const say = (key: string, params?: Text['params']): void => {
    out(t('vi', key, params));
    out(`  ${t('en', key, params)}`);
  };

  let saving: Promise<void> | undefined;
  let failure: string | undefined;
  let expiries = 0;

  const callback: LoginQRCallback = async (event) => {
    switch (event.type) {
      case LoginQRCallbackEventType.QRCodeGenerated: {
        try {
          await mkdir(dirname(qrPngPath), { recursive: true });
          await writeFile(qrPngPath, Buffer.from(event.data.image, 'base64'), { mode: 0o600 });
          await chmod(qrPngPath, 0o600);
        } catch (error) {
          failure = `could not write the QR image to ${qrPngPath}: ${describeError(error)}`;
          out(failure);
          return event.actions.abort();
        }
        say('zalo.login.qr_saved', { path: qrPngPath });
        say('zalo.login.scan_steps');
        return;
      }
      case LoginQRCallbackEventType.QRCodeExpired:
        expiries += 1;
        if (expiries >= maxQrCodes) {
          failure = t('en', 'zalo.login.gave_up', { max: maxQrCodes, command: ZALO_LOGIN_COMMAND });
          say('zalo.login.gave_up', { max: maxQrCodes, command: ZALO_LOGIN_COMMAND });
          return event.actions.abort();
        }
        say('zalo.login.expired', { attempt: expiries + 1, max: maxQrCodes });
        return event.actions.retry();
      case LoginQRCallbackEventType.QRCodeScanned:
        say('zalo.login.scanned', { name: event.data.display_name });
        return;
      case LoginQRCallbackEventType.QRCodeDeclined:
        // zca-js never settles after a decline unless we abort (or retry).
        failure = t('en', 'zalo.login.declined', { command: ZALO_LOGIN_COMMAND });
        say('zalo.login.declined', { command: ZALO_LOGIN_COMMAND });
        return event.actions.abort();
      case LoginQRCallbackEventType.GotLoginInfo: {
        const credentials: ZaloCredentials = { cookie: event.data.cookie, imei: event.data.imei, userAgent: event.data.userAgent, language: 'vi' };
        saving = writeZaloSession(sessionPath, credentials);
        saving.catch(() => undefined); // awaited (and reported) after loginQR settles
        return;
      }
    }
  };

  say('zalo.login.safety');
  say('zalo.login.start');
  let loginError: unknown;
  try {
    await (options.loginQR ?? defaultLoginQR)({ language: 'vi', qrPath: qrPngPath }, callback);
  } catch (error) {
    loginError = error;
  }
  await rm(qrPngPath, { force: true });

  if (saving) {
    await saving; // a failed write rejects here, naming the path
    say('zalo.login.saved', { path: sessionPath });
    return { sessionPath };
  }
  const reason = failure ?? (loginError === undefined ? 'no login info received' : describeError(loginError));
  if (failure === undefined) say('zalo.login.failed', { reason, command: ZALO_LOGIN_COMMAND });
  throw new ZaloLoginError(`Zalo login did not complete (${reason}). Run "${ZALO_LOGIN_COMMAND}" again and scan the new QR code with the bot's phone.`);
}
