import { timingSafeEqual } from 'node:crypto';

/**
 * Constant-time equality of two strings (secrets, tokens, signatures), so that the time a comparison takes says
 * nothing about how much of a guess was right. Byte lengths are compared first: timingSafeEqual throws on a
 * mismatch, and a string's length in characters is not its length in bytes (`é` is two).
 */
export function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
