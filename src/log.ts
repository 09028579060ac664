/**
 * Structured logs, one JSON object per line on stderr. Addresses are hashed
 * with a secret salt (LOG_SALT), so a log never names a person; message text,
 * birth dates and phone numbers are never logged. As a safety net, the raw
 * address is also replaced inside every other string field (an error message
 * that quotes it), as is any other chat address written into a string
 * (`telegram:12345`, however short: issue #18), and runs of 9+ digits (phone
 * or ID numbers) become [number].
 */
import { createHmac } from 'node:crypto';
import type { Logger } from './core/runner.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LoggerOptions = {
  level: LogLevel;
  /** Secret for hashing addresses; without it a per-process random salt is used. */
  salt?: string;
  write?: (line: string) => void;
  now?: () => Date;
};

export type AppLogger = Logger & { debug(message: string, fields?: Record<string, unknown>): void };

/** A phone number (0912345678, +84912345678) or a 12-digit citizen ID; timestamps never have 9 digits in a row. */
const LONG_NUMBER = /\+?\d{9,}/g;
/** A chat address inside a string: channel, colon, id (Telegram ids may be negative; Zalo ids are digits). */
const ANY_ADDRESS = /\b(?:telegram|zalo|console):-?[\w.-]+/g;

export function hashAddress(address: string, salt: string): string {
  const [channel] = address.split(':', 1);
  return `${channel}:${createHmac('sha256', salt).update(address).digest('hex').slice(0, 12)}`;
}

export function createLogger(options: LoggerOptions): AppLogger {
  const salt = options.salt ?? createHmac('sha256', String(Math.random())).update(String(process.pid)).digest('hex');
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const emit = (level: LogLevel) => (message: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[level] < ORDER[options.level]) return;
    const address = typeof fields['address'] === 'string' ? fields['address'] : undefined;
    const hashed = address === undefined ? undefined : hashAddress(address, salt);
    const scrub = (value: string): string => {
      const named = value.replace(ANY_ADDRESS, (found) => hashAddress(found, salt));
      const unnamed = address === undefined || hashed === undefined || address.length < 3 ? named : named.split(address).join(hashed);
      return unnamed.replace(LONG_NUMBER, '[number]');
    };
    const safe: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) {
      if (key === 'address' && hashed !== undefined) safe[key] = hashed;
      else safe[key] = typeof value === 'string' ? scrub(value) : value;
    }
    write(JSON.stringify({ time: now().toISOString(), level, msg: scrub(message), ...safe }));
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
