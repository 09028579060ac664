/**
 * Random codes for the staff side, made with node:crypto (never in core):
 * invites are 12 characters of a 32-letter alphabet (60 bits, shown as
 * XXXX-XXXX-XXXX) and stored only as a SHA-256 hash; referral codes are 8
 * characters ending in a digit, short enough to type from a standee.
 */
import { createHash, randomInt } from 'node:crypto';

/** No 0/O, 1/I: nothing to confuse when a code is read aloud or typed. */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const DIGITS = '23456789';

/** `random(n)` returns an integer in [0, n); tests inject a seeded one. */
export type RandomInt = (max: number) => number;

export const cryptoRandom: RandomInt = (max) => randomInt(max);

function draw(length: number, alphabet: string, random: RandomInt): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[random(alphabet.length)] ?? '';
  return out;
}

export function newInviteCode(random: RandomInt = cryptoRandom): string {
  const raw = draw(12, CODE_ALPHABET, random);
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/** What was typed after /join, as stored: upper case, letters and digits only. */
export function normaliseInvite(typed: string): string {
  return typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function hashInvite(typed: string): string {
  return createHash('sha256').update(`invite:${normaliseInvite(typed)}`).digest('hex');
}

export function newReferrerCode(random: RandomInt = cryptoRandom): string {
  return `${draw(7, CODE_ALPHABET, random)}${draw(1, DIGITS, random)}`;
}
