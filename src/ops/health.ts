/**
 * GET /healthz, /readyz and /metrics on the operations HTTP server.
 *
 * - /healthz: 200 while the process runs (a container's HEALTHCHECK).
 * - /readyz: 200 once the channels have started and the database answers a
 *   query within `dbTimeoutMs`; 503 while starting, while stopping, or when
 *   the database does not answer. The body names each channel's health, but a
 *   channel being down does not make the process unready (a logged-out Zalo
 *   must not take Telegram's webhooks off the load balancer): that is what
 *   bot_channel_up and the admin alerts are for.
 * - /metrics: the Prometheus text format.
 */
import type { ChannelHealth } from '../core/ports.js';
import type { HttpResponse, HttpServer } from '../http/http-server.js';
import type { BotMetrics } from './metrics.js';

export type Phase = 'starting' | 'ready' | 'stopping';

export type HealthSources = {
  phase(): Phase;
  /** Resolves when the database answers; rejects (or never settles) when it does not. */
  pingDatabase(): Promise<unknown>;
  channels(): readonly { readonly name: string; readonly health: ChannelHealth }[];
};

const json = (status: number, body: unknown): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: `${JSON.stringify(body)}\n`,
});

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export async function readiness(sources: HealthSources, dbTimeoutMs = 3_000): Promise<HttpResponse> {
  const phase = sources.phase();
  if (phase !== 'ready') return json(503, { status: phase });
  const channels = Object.fromEntries(sources.channels().map((c) => [c.name, c.health]));
  try {
    await within(Promise.resolve().then(() => sources.pingDatabase()), dbTimeoutMs);
  } catch {
    return json(503, { status: 'database_unavailable', channels });
  }
  return json(200, { status: 'ready', channels });
}

export function addHealthRoutes(http: HttpServer, sources: HealthSources, metrics: BotMetrics): void {
  http.route('GET', '/healthz', () => json(200, { status: 'ok' }));
  http.route('GET', '/readyz', () => readiness(sources));
  http.route('GET', '/metrics', async () => ({
    status: 200,
    headers: { 'content-type': metrics.registry.contentType },
    body: await metrics.registry.metrics(),
  }));
}
