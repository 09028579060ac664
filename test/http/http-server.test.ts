import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../src/http/http-server.js';

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(maxBodyBytes?: number): Promise<{ url: string; http: HttpServer }> {
  const http = createHttpServer({ port: 0, host: '127.0.0.1', ...(maxBodyBytes ? { maxBodyBytes } : {}) });
  server = http;
  http.route('GET', '/ping', () => ({ status: 200, body: 'pong' }));
  http.route('POST', '/echo', (request) => ({ status: 200, body: request.body }));
  const port = await http.listen();
  return { url: `http://127.0.0.1:${port}`, http };
}

describe('operations HTTP server', () => {
  it('answers registered routes, 404 for unknown paths and 405 for a known path with another method', async () => {
    const { url } = await start();
    const ping = await fetch(`${url}/ping?x=1`);
    expect(ping.status).toBe(200);
    expect(await ping.text()).toBe('pong');
    expect((await fetch(`${url}/nope`)).status).toBe(404);
    expect((await fetch(`${url}/ping`, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('hands the raw body to the handler, byte for byte', async () => {
    const { url } = await start();
    const body = '{"text":"Chào bạn"}';
    const response = await fetch(`${url}/echo`, { method: 'POST', body });
    expect(await response.text()).toBe(body);
  });

  it('refuses a body over the cap with 413', async () => {
    const { url } = await start(1024);
    const response = await fetch(`${url}/echo`, { method: 'POST', body: 'x'.repeat(4096) });
    expect(response.status).toBe(413);
    const small = await fetch(`${url}/echo`, { method: 'POST', body: 'ok' });
    expect(await small.text()).toBe('ok');
  });
});
