/**
 * The Zalo Bot Platform HTTP API: `POST <root>/bot<TOKEN>/<method>` with a
 * JSON body, answered `{ok: true, result}` or `{ok: false, error_code,
 * description}`. An HTTP error status without such a body becomes its
 * error_code (a long poll with nothing to deliver may answer 408 either
 * way). The token is part of the URL and never appears in an error message.
 */
export const DEFAULT_ZALO_BOT_API_ROOT = 'https://bot-api.zaloplatforms.com';

export class ZaloBotApiError extends Error {
  readonly method: string;
  readonly code: number;
  readonly description: string;
  constructor(method: string, code: number, description: string) {
    super(`Zalo Bot API ${method} failed: ${code} ${description}`);
    this.name = 'ZaloBotApiError';
    this.method = method;
    this.code = code;
    this.description = description;
  }
}

export type ZaloBotApi = {
  call(method: string, params?: Record<string, unknown>, options?: { signal?: AbortSignal; timeoutMs?: number }): Promise<unknown>;
};

export type ZaloBotApiOptions = {
  readonly token: string;
  readonly apiRoot?: string;
  /** Per request, unless the call gives its own (long polls add their wait). Default 20 s. */
  readonly timeoutMs?: number;
};

type Answer = { ok?: unknown; result?: unknown; error_code?: unknown; description?: unknown; message?: unknown };

export function createZaloBotApi(options: ZaloBotApiOptions): ZaloBotApi {
  const root = (options.apiRoot ?? DEFAULT_ZALO_BOT_API_ROOT).replace(/\/+$/, '');
  return {
    async call(method, params = {}, callOptions = {}) {
      const timeout = AbortSignal.timeout(callOptions.timeoutMs ?? options.timeoutMs ?? 20_000);
      const signal = callOptions.signal ? AbortSignal.any([callOptions.signal, timeout]) : timeout;
      let response: Response;
      try {
        response = await fetch(`${root}/bot${options.token}/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(params),
          signal,
        });
      } catch (error) {
        const reason = timeout.aborted ? 'timed out' : error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
        throw new ZaloBotApiError(method, 0, `network: ${reason}`);
      }
      const raw = await response.text().catch(() => '');
      let answer: Answer | undefined;
      try {
        answer = JSON.parse(raw) as Answer;
      } catch {
        answer = undefined;
      }
      if (answer !== undefined && answer !== null && answer.ok === true) return answer.result;
      const code = Number(answer?.error_code ?? (response.ok ? 0 : response.status));
      const description = String(answer?.description ?? answer?.message ?? (response.statusText || 'no description'));
      throw new ZaloBotApiError(method, Number.isFinite(code) ? code : response.status, description);
    },
  };
}

/** True for "nothing to deliver" answers to a long poll (error_code 408 in the JSON or as the HTTP status). */
export function isEmptyPoll(error: unknown): boolean {
  return error instanceof ZaloBotApiError && error.code === 408;
}

/** True when the token is wrong or revoked: retrying cannot help. */
export function isUnauthorized(error: unknown): boolean {
  return error instanceof ZaloBotApiError && (error.code === 401 || error.code === 403 || error.code === 404);
}
