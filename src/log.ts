/**
 * Structured logs, one JSON object per line on stderr. Addresses are hashed
 * with a secret salt (LOG_SALT), so a log never names a person; message text,
 * birth dates and phone numbers are never logged.
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
    const safe: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) {
      safe[key] = key === 'address' && typeof value === 'string' ? hashAddress(value, salt) : value;
    }
    write(JSON.stringify({ time: now().toISOString(), level, msg: message, ...safe }));
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
