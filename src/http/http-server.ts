/**
 * The one operations HTTP server (HTTP_PORT, HTTP_HOST): health, metrics and
 * webhooks register routes on it. Plain node:http; request bodies are read
 * raw (webhook signatures are computed over the exact bytes) and capped.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Webhook bodies larger than this are refused with 413 before they are read whole. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type HttpRequest = {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  /** The raw body (empty for GET); at most MAX_BODY_BYTES. */
  readonly body: Buffer;
};

export type HttpResponse = {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
};

export type RouteHandler = (request: HttpRequest) => HttpResponse | Promise<HttpResponse>;

export type HttpServer = {
  /** Registers `handler` for `method path` (exact path match; a path ending in `/*` matches everything under it). A second registration replaces the first. */
  route(method: 'GET' | 'POST', path: string, handler: RouteHandler): void;
  /** Starts listening; resolves with the bound port (0 picks a free one). */
  listen(): Promise<number>;
  /** Stops accepting requests and resolves once requests in progress are answered. */
  close(): Promise<void>;
};

export type HttpServerOptions = {
  readonly port: number;
  readonly host: string;
  readonly maxBodyBytes?: number;
  readonly onError?: (message: string, fields: Record<string, unknown>) => void;
};

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, response: HttpResponse): void {
  if (res.headersSent) return;
  res.writeHead(response.status, response.headers ?? {});
  res.end(response.body ?? '');
}

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const routes = new Map<string, RouteHandler>();
  let server: Server | undefined;

  const underPrefix = (method: string, path: string): RouteHandler | undefined => {
    for (const [key, handler] of routes) {
      if (key.endsWith('/*') && key.startsWith(`${method} `) && path.startsWith(key.slice(method.length + 1, -1))) return handler;
    }
    return undefined;
  };

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const handler = routes.get(`${method} ${path}`) ?? underPrefix(method, path);
    if (!handler) {
      const known = [...routes.keys()].some((key) => key.endsWith(` ${path}`));
      reply(res, { status: known ? 405 : 404 });
      req.resume();
      return;
    }
    let body: Buffer;
    try {
      body = method === 'GET' ? Buffer.alloc(0) : await readBody(req, limit);
    } catch (error) {
      reply(res, error instanceof BodyTooLarge ? { status: 413, headers: { connection: 'close' } } : { status: 400 });
      return;
    }
    reply(res, await handler({ method, path, headers: req.headers, body }));
  }

  return {
    route(method, path, handler) {
      routes.set(`${method} ${path}`, handler);
    },
    listen() {
      const created = createServer((req, res) => {
        serve(req, res).catch((error: unknown) => {
          options.onError?.('http: request failed', { error: error instanceof Error ? error.message : String(error) });
          reply(res, { status: 500 });
        });
      });
      server = created;
      return new Promise((resolve, reject) => {
        created.once('error', reject);
        created.listen(options.port, options.host, () => {
          created.off('error', reject);
          resolve((created.address() as AddressInfo).port);
        });
      });
    },
    close() {
      const running = server;
      if (!running) return Promise.resolve();
      return new Promise((resolve) => {
        running.close(() => resolve());
        running.closeIdleConnections();
      });
    },
  };
}
