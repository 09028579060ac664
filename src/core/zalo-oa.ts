/**
 * What the Zalo Official Account channel keeps in the database (types only):
 * its OAuth tokens, and when each follower last wrote — Zalo lets an OA reply
 * freely for 48 hours after a person's last message and never after 7 days.
 */
import type { Address } from './message.js';
import type { MaybePromise } from './ports.js';

export type OaTokens = {
  readonly accessToken: string;
  /** Single use: replaced at every refresh. */
  readonly refreshToken: string;
  /** ISO timestamps. */
  readonly expiresAt: string;
  readonly refreshExpiresAt: string;
};

export interface ZaloOaStore {
  readTokens(): MaybePromise<OaTokens | undefined>;
  /** Replaces the stored pair in one statement (the old refresh token no longer works once refreshed). */
  saveTokens(tokens: OaTokens, now: Date): MaybePromise<void>;
  /** The person wrote (or followed) at `at`; rows older than 7 days are deleted meanwhile. */
  touch(address: Address, at: Date): MaybePromise<void>;
  /** When the person last wrote, if within the 7 days before `now`. */
  lastInbound(address: Address, now: Date): MaybePromise<Date | undefined>;
}

/** How long after a person's last message an OA may still message them (free replies: 48 h; nothing after 7 days). */
export const OA_FREE_WINDOW_MS = 48 * 3_600_000;
export const OA_MAX_WINDOW_MS = 7 * 24 * 3_600_000;
