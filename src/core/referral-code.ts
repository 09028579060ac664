/**
 * The referral code an input names, found the way the engine reads it
 * (issue #16): a `/start <payload>` (Telegram deep links) or "ma GT: …",
 * "mã giới thiệu …", "ref …" in a text (understood.signals.referralCode).
 * Pure, so the runner can look the code up in storage before `step` and
 * pass what it found in the turn's context; the engine adopts it only where
 * it would have before.
 */
import type { Input } from './message.js';
import { toNfc } from './nlu/normalize.js';
import { findReferralCode } from './nlu/signals.js';

/** As engine.ts MAX_INPUT_CHARS: the part of a text the engine reads. */
const READ_CHARS = 1000;

const START = /^\/start(?:@\w+)?(?:\s+(.*))?$/is;

export function referralCodeIn(input: Input): string | undefined {
  if (!('text' in input)) return undefined;
  const text = input.text.slice(0, READ_CHARS).trim();
  const start = START.exec(text);
  if (start !== null) return start[1]?.trim() || undefined;
  return findReferralCode(toNfc(text));
}
