/**
 * Typed storage errors: `code` is for branching, `message` names the fix
 * (STYLE §3.7). Operator-facing only; users see a translated errors.* key.
 */

export type StorageErrorCode =
  | 'SCHEMA_TOO_NEW'
  | 'CANNOT_OPEN'
  | 'BAD_ADDRESS'
  | 'BAD_QUERY'
  | 'BAD_WRITE'
  | 'BAD_SESSION_STATE'
  | 'BAD_MIGRATIONS';

export class StorageError extends Error {
  readonly code: StorageErrorCode;

  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
    this.code = code;
  }
}

export function schemaTooNew(found: number, known: number): StorageError {
  return new StorageError(
    'SCHEMA_TOO_NEW',
    `Database is at schema ${found}, this build knows up to ${known}. Upgrade the bot or restore a backup (npm run cli -- backup).`,
  );
}

/** JSON text for a session state, or a StorageError naming the fix. */
export function serialiseState(address: string, state: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(state);
  } catch (error) {
    throw badState(address, error);
  }
  if (json === undefined) throw badState(address, undefined);
  return json;
}

function badState(address: string, cause: unknown): StorageError {
  return new StorageError(
    'BAD_SESSION_STATE',
    `Session state for a ${address.split(':', 1)[0] ?? ''} conversation is not JSON-serialisable (undefined, a function, a BigInt or a cycle). Keep session state to plain objects, arrays, strings, numbers, booleans and null.`,
    { cause },
  );
}
