/**
 * The saved Zalo login (`{ cookie, imei, userAgent }`) in ZALO_SESSION_PATH.
 * Whoever holds this file controls the bot's Zalo account, so it is written
 * owner-only (0600) through a temp file and a rename: a crash mid-write never
 * leaves a half-written session behind.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { ZaloCredentials } from './zalo-api.js';

export const ZALO_LOGIN_COMMAND = 'npm run cli -- zalo-login';

const RELOGIN = `Run "${ZALO_LOGIN_COMMAND}" and scan the QR code with the bot's phone.`;

export type ZaloSessionErrorCode = 'ZALO_SESSION_MISSING' | 'ZALO_SESSION_INVALID';

/** The saved login is missing or unusable; the message names the fix. */
export class ZaloSessionError extends Error {
  readonly code: ZaloSessionErrorCode;
  readonly path: string;
  /** What went wrong, without the fix: for status lines. */
  readonly summary: string;

  constructor(code: ZaloSessionErrorCode, path: string, detail?: string) {
    const summary =
      code === 'ZALO_SESSION_MISSING'
        ? `No saved Zalo login at ${path}`
        : `The saved Zalo login at ${path} is unreadable (${detail ?? 'invalid'})`;
    super(`${summary}. ${RELOGIN}`);
    this.name = 'ZaloSessionError';
    this.code = code;
    this.path = path;
    this.summary = summary;
  }
}

const cookieSchema = z
  .looseObject({
    key: z.string().min(1).optional(),
    name: z.string().min(1).optional(),
    value: z.string(),
    domain: z.string().optional(),
  })
  .refine((cookie) => cookie.key !== undefined || cookie.name !== undefined, { message: 'a cookie has no key' });

const sessionSchema = z.object({
  cookie: z.array(cookieSchema).min(1, { message: 'no cookies' }),
  imei: z.string().min(1),
  userAgent: z.string().min(1),
  language: z.string().min(1).optional(),
  savedAt: z.string().optional(),
});

export async function readZaloSession(path: string): Promise<ZaloCredentials> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ZaloSessionError('ZALO_SESSION_MISSING', path);
    throw new ZaloSessionError('ZALO_SESSION_INVALID', path, (error as Error).message);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ZaloSessionError('ZALO_SESSION_INVALID', path, 'not valid JSON');
  }
  const parsed = sessionSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
    throw new ZaloSessionError('ZALO_SESSION_INVALID', path, `${where}${first?.message ?? 'unexpected shape'}`);
  }
  const { cookie, imei, userAgent, language } = parsed.data;
  return language === undefined ? { cookie, imei, userAgent } : { cookie, imei, userAgent, language };
}

/** Writes the session owner-only (0600): temp file in the same folder, chmod, then an atomic rename. */
export async function writeZaloSession(path: string, credentials: ZaloCredentials, now: Date = new Date()): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const body = `${JSON.stringify({ ...credentials, savedAt: now.toISOString() }, null, 2)}\n`;
  try {
    await writeFile(temp, body, { mode: 0o600 });
    await chmod(temp, 0o600);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Re-saves refreshed cookies of the running session, unless the file now
 * holds another login (someone ran zalo-login meanwhile: a new imei). The
 * newer login wins; the running session will be replaced by it.
 */
export async function resaveZaloSession(path: string, credentials: ZaloCredentials, now: Date = new Date()): Promise<'saved' | 'kept-newer-login'> {
  const onDisk = await readZaloSession(path).catch(() => undefined);
  if (onDisk !== undefined && onDisk.imei !== credentials.imei) return 'kept-newer-login';
  await writeZaloSession(path, credentials, now);
  return 'saved';
}
