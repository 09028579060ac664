/**
 * Writes an export (it may hold chat accounts: the candidates list) readable
 * by the bot's user only: created with mode 0600 and chmod-ed right after,
 * so neither the umask nor an older file's mode can leave it world-readable.
 */
import { chmod, writeFile } from 'node:fs/promises';

export const PRIVATE_FILE_MODE = 0o600;

export async function writePrivateFile(file: string, data: string | Uint8Array): Promise<void> {
  await writeFile(file, data, { mode: PRIVATE_FILE_MODE });
  await chmod(file, PRIVATE_FILE_MODE);
}
