/**
 * `referrer remove CODE`: ends a referral code from the terminal, as an
 * admin's /referrer remove does in the chat (issue #18). The code credits no
 * new check; its label stays for past reports; role_changes records it
 * (actor and via "cli"). Prints one line; an unknown code exits 1.
 */
import type { StaffStore } from '../../core/staff.js';

export type ReferrerCliDeps = {
  readonly store: StaffStore;
  readonly now: Date;
  readonly out: (line: string) => void;
};

const USAGE = 'Usage: npm run cli -- referrer remove CODE (e.g. referrer remove DTN_KIENAN_07).';

export async function runReferrerCli(args: readonly string[], deps: ReferrerCliDeps): Promise<void> {
  const [action, code, extra] = args;
  if (action !== 'remove' || code === undefined || extra !== undefined || !/^[A-Za-z0-9_-]{1,64}$/.test(code)) throw new Error(USAGE);
  const ended = await deps.store.endReferrer(code, 'cli', 'cli', deps.now);
  if (ended === undefined) throw new Error(`There is no active referral code "${code}" (already ended, or never added). Check the code with /referrer list in the chat.`);
  deps.out(`Ended referral code ${ended.code} (${ended.label}): it no longer credits new checks; past counts are kept.`);
}
