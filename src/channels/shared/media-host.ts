/**
 * Serves images (referral QR codes, charts) to platforms that take a photo
 * by URL (Zalo Bot's sendPhoto): each image gets an unguessable path
 * (128 random bits) under PUBLIC_BASE_URL + /media/, and is gone after
 * `ttlMs` (default 15 minutes). Only on the operations HTTP server.
 */
import { randomBytes } from 'node:crypto';
import type { HttpServer } from '../../http/http-server.js';

export const MEDIA_PREFIX = '/media/';

export type MediaHost = { publish(data: Uint8Array, mime: string): string; readonly size: number };

export type MediaHostOptions = {
  readonly http: Pick<HttpServer, 'route'>;
  readonly baseUrl: string;
  readonly ttlMs?: number;
  readonly max?: number;
  readonly now?: () => number;
};

const EXTENSIONS: Readonly<Record<string, string>> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif' };

export function createMediaHost(options: MediaHostOptions): MediaHost {
  const ttlMs = options.ttlMs ?? 15 * 60_000;
  const max = options.max ?? 500;
  const now = options.now ?? Date.now;
  const items = new Map<string, { data: Buffer; mime: string; until: number }>();
  const base = options.baseUrl.replace(/\/+$/, '');

  const sweep = (at: number): void => {
    for (const [key, item] of items) if (item.until <= at || items.size > max) items.delete(key);
  };

  options.http.route('GET', `${MEDIA_PREFIX}*`, ({ path }) => {
    const item = items.get(path.slice(MEDIA_PREFIX.length));
    if (item === undefined || item.until <= now()) return { status: 404 };
    return { status: 200, headers: { 'content-type': item.mime, 'cache-control': 'private, max-age=300' }, body: item.data };
  });

  return {
    publish(data, mime) {
      const at = now();
      sweep(at);
      const name = `${randomBytes(16).toString('hex')}.${EXTENSIONS[mime] ?? 'bin'}`;
      items.set(name, { data: Buffer.from(data), mime, until: at + ttlMs });
      return `${base}${MEDIA_PREFIX}${name}`;
    },
    get size() {
      return items.size;
    },
  };
}
