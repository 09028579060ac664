/**
 * zca-js stores every Set-Cookie Zalo sends in the session's cookie jar, so a
 * long-running bot holds fresher cookies than the file it started from. This
 * writes them back (only when they changed), so a restart logs in with them.
 */
import { credentialsOf, type ZaloApi, type ZaloCredentials } from './zalo-api.js';
import { describeError, RELOGIN_FIX, type ZaloLog } from './zalo-status.js';

export type CredentialKeeper = {
  saveIfChanged(api: ZaloApi): Promise<void>;
  /** The last save failed (cleared by the next one that works): a health warning. */
  failing(): boolean;
};

export function createCredentialKeeper(
  save: ((credentials: ZaloCredentials) => Promise<void>) | undefined,
  log: ZaloLog,
): CredentialKeeper {
  let savedCookies: string | undefined;
  let failed = false;
  return {
    failing: () => failed,
    async saveIfChanged(api) {
      if (!save) return;
      try {
        const credentials = credentialsOf(api);
        const key = JSON.stringify(credentials.cookie);
        if (credentials.cookie.length === 0 || key === savedCookies) return;
        await save(credentials);
        savedCookies = key;
        failed = false;
      } catch (error) {
        failed = true;
        log.warn(`Could not re-save the refreshed Zalo login. The bot keeps running; if it later restarts logged out: ${RELOGIN_FIX}`, {
          error: describeError(error),
        });
      }
    },
  };
}
