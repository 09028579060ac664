/**
 * The Zalo OA Open API calls the channel makes: a customer-service message
 * (`POST <root>/v3.0/oa/message/cs`, header `access_token`) and an image
 * upload (`/v2.0/oa/upload/image`). Answers `{error: 0, data}` or
 * `{error: <negative code>, message}`; the codes are sorted here.
 */
export const DEFAULT_ZALO_OA_API_ROOT = 'https://openapi.zalo.me';

/** The access token expired: refresh it and send again. */
export const TOKEN_EXPIRED = -216;
/** Temporary: retry. */
export const RETRY_CODES: ReadonlySet<number> = new Set([-32, -100]);
/** Outside what the person allows (not following, blocked, no interaction in the window, night hours): count, never retry. */
export const OUTSIDE_WINDOW_CODES: ReadonlySet<number> = new Set([-213, -217, -227, -230, -232, -234, -244]);

export class OaApiError extends Error {
  readonly code: number;
  constructor(code: number, message: string) {
    super(`Zalo OA API error ${code}: ${message}`);
    this.name = 'OaApiError';
    this.code = code;
  }
}

export type OaMessage = Record<string, unknown>;

export type OaApi = {
  sendMessage(accessToken: string, userId: string, message: OaMessage): Promise<void>;
  uploadImage(accessToken: string, data: Uint8Array, mime: string, name: string): Promise<string>;
};

async function answerOf(response: Response): Promise<Record<string, unknown>> {
  const raw = await response.text();
  let answer: unknown;
  try {
    answer = JSON.parse(raw);
  } catch {
    throw new OaApiError(-response.status, `HTTP ${response.status} without JSON`);
  }
  const body = (typeof answer === 'object' && answer !== null ? answer : {}) as Record<string, unknown>;
  const code = Number(body['error'] ?? body['error_code'] ?? 0);
  if (code !== 0 || !response.ok) throw new OaApiError(code !== 0 ? code : -response.status, String(body['message'] ?? body['error_description'] ?? response.statusText));
  return body;
}

const network = (error: unknown): OaApiError => new OaApiError(-100, `network: ${error instanceof Error ? error.message : String(error)}`);

export function createOaApi(apiRoot: string = DEFAULT_ZALO_OA_API_ROOT): OaApi {
  return {
    async sendMessage(accessToken, userId, message) {
      let response: Response;
      try {
        response = await fetch(new URL('/v3.0/oa/message/cs', apiRoot), {
          method: 'POST',
          headers: { access_token: accessToken, 'content-type': 'application/json' },
          body: JSON.stringify({ recipient: { user_id: userId }, message }),
          signal: AbortSignal.timeout(20_000),
        });
      } catch (error) {
        throw network(error);
      }
      await answerOf(response);
    },
    async uploadImage(accessToken, data, mime, name) {
      const form = new FormData();
      form.append('file', new Blob([Buffer.from(data)], { type: mime }), name);
      let response: Response;
      try {
        response = await fetch(new URL('/v2.0/oa/upload/image', apiRoot), { method: 'POST', headers: { access_token: accessToken }, body: form, signal: AbortSignal.timeout(30_000) });
      } catch (error) {
        throw network(error);
      }
      const body = await answerOf(response);
      const id = (body['data'] as Record<string, unknown> | undefined)?.['attachment_id'];
      if (typeof id !== 'string' || id === '') throw new OaApiError(-1, 'upload answered without data.attachment_id');
      return id;
    },
  };
}
