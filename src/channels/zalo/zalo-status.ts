/**
 * What staff see about the Zalo connection, and the two judgements that decide
 * between "reconnect with back-off" and "stop and ask a human to log in again".
 */
import { CloseReason, ZaloApiError } from 'zca-js';
import type { ChannelHealth } from '../../core/ports.js';
import type { Logger } from '../../core/runner.js';
import { ZaloSessionError, ZALO_LOGIN_COMMAND } from './session-file.js';

export type ZaloStatus =
  | { readonly state: 'stopped'; readonly since: string }
  | { readonly state: 'connecting'; readonly since: string }
  | { readonly state: 'online'; readonly since: string; readonly ownId: string }
  | {
      readonly state: 'reconnecting';
      readonly since: string;
      readonly attempt: number;
      readonly retryInMs: number;
      readonly reason: string;
    }
  | { readonly state: 'logged_out'; readonly since: string; readonly reason: string };

/**
 * The app's Logger (console fits too). A person's address goes in `fields.address`
 * (the app logger hashes it); never a name, phone number or message text.
 */
export type ZaloLog = Logger;

export const RELOGIN_FIX = `Run "${ZALO_LOGIN_COMMAND}" on the bot's server, scan the QR code with the bot's phone, then restart the bot.`;

export type CloseVerdict = { readonly reconnect: true } | { readonly reconnect: false; readonly reason: string };

/**
 * 3000: Zalo opened a second web session for this account (Zalo Web/PC in a
 * browser, or a second copy of this bot) and closed ours; 3003: the account
 * was logged in anew and this session was kicked. Reconnecting would fight
 * the other session in a loop, so both need a human. Everything else (1006
 * network drop, 1000/1001 server restart, 1011…) is retried with back-off;
 * if the cookies really expired, the re-login fails and is caught there.
 */
export function closeVerdict(code: number): CloseVerdict {
  if (code === Number(CloseReason.DuplicateConnection)) {
    return {
      reconnect: false,
      reason: 'Zalo closed the connection with code 3000: the account was opened in Zalo Web/PC elsewhere, or a second copy of the bot is running',
    };
  }
  if (code === Number(CloseReason.KickConnection)) {
    return { reconnect: false, reason: 'Zalo closed the connection with code 3003: the account was logged in again elsewhere and this session was kicked out' };
  }
  return { reconnect: true };
}

/** HTTP troubles while logging in are worth retrying; zca-js reports them as "Failed to fetch … info: <status text>". */
const TRANSIENT_LOGIN = /^Failed to fetch (login|server) info: (Bad Gateway|Service Unavailable|Gateway Timeout|Internal Server Error|Too Many Requests|Request Timeout)?$/;

/**
 * True when logging in failed because the saved login is missing, corrupt,
 * expired or rejected (zca-js raises ZaloApiError: "Đăng nhập thất bại",
 * "zpw_sek bị thiếu hoặc không đúng"…). Network errors (fetch failed,
 * ECONNRESET, timeouts) and 5xx answers are transient.
 */
export function isLoginRejected(error: unknown): boolean {
  if (error instanceof ZaloSessionError) return true;
  if (error instanceof ZaloApiError) return !TRANSIENT_LOGIN.test(error.message);
  return false;
}

export function describeError(error: unknown): string {
  if (error instanceof ZaloSessionError) return error.summary;
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}

/**
 * The Channel port's health: online is up; logged out, stopped or (re)connecting is down.
 * Online with a login that could not be re-saved is up with a warning.
 */
export function zaloHealth(status: ZaloStatus, credentialsFailing = false): ChannelHealth {
  switch (status.state) {
    case 'online':
      return credentialsFailing ? { up: true, problem: 'credentials_not_saved' } : { up: true };
    case 'logged_out':
      return { up: false, problem: 'logged_out' };
    case 'stopped':
      return { up: false, problem: 'stopped' };
    default:
      return { up: false, problem: 'connecting' };
  }
}
