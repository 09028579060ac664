/**
 * Constant-time comparison of a secret someone sent with the one we hold:
 * both are hashed first, so neither their content nor their length leaks
 * through timing (timingSafeEqual alone needs equal lengths).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}
