// Keys are lists of parts joined by NUL, so that every record of a pool (or of a user) sits in one ordered,
// contiguous range: "<poolId>\0<username>". A part may hold any character: NUL and \x01 are escaped in a way that
// keeps the byte order of the parts, so range scans and prefix matches stay correct.
export type KeyParts = readonly string[];

export const SEPARATOR = '\x00';
/**
 * Sorts after every character a key part can hold, in UTF-8 byte order (LevelDB's, and memory-level's with its
 * buffer store encoding): U+10FFFF encodes as F4 8F BF BF. Closes a prefix range.
 */
export const HIGHEST = '\u{10FFFF}';

const escape = (part: string) => part.replace(/\x01/g, '\x01\x02').replace(/\x00/g, '\x01\x01');
const unescape = (part: string) => part.replace(/\x01\x01/g, '\x00').replace(/\x01\x02/g, '\x01');

export function encodeKey(parts: KeyParts): string {
  return parts.map(escape).join(SEPARATOR);
}

export function decodeKey(key: string): string[] {
  return key.split(SEPARATOR).map(unescape);
}

/** The range of keys that start with every part of `parts`, and then, optionally, with `partial` in the next part. */
export function prefixRange(parts: KeyParts, partial?: string): { gte: string; lt: string } {
  const head = parts.length ? encodeKey(parts) + SEPARATOR : '';
  if (partial === undefined) return { gte: head, lt: head + HIGHEST };
  return { gte: head + escape(partial), lt: head + escape(partial) + HIGHEST };
}
