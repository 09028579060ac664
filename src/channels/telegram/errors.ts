/**
 * Error classification for the Telegram adapter: which failures mean "this
 * person blocked the bot" (expected, logged at info) and which are real faults.
 */
import { GrammyError, HttpError } from 'grammy';

export type TelegramChannelErrorCode = 'config' | 'token' | 'unreachable' | 'webhook' | 'address';

/** A failure the operator (or the calling code) must fix; `code` is for branching. */
export class TelegramChannelError extends Error {
  readonly code: TelegramChannelErrorCode;

  constructor(code: TelegramChannelErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TelegramChannelError';
    this.code = code;
  }
}

/**
 * 403 from sendMessage and friends: the person blocked the bot, deleted their
 * account, or never started a chat with it. Nothing to retry.
 */
export function isBlockedError(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 403;
}

/** True when editing a keyboard that is already gone (a second press of the same button). */
export function isNotModifiedError(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 400 && /message is not modified/i.test(error.description);
}

/** One line for the log: never message text or names, only what failed and why. */
export function describeError(error: unknown): string {
  if (error instanceof GrammyError) return `${error.method} failed: ${error.error_code} ${error.description}`;
  if (error instanceof HttpError) return `network error: ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
