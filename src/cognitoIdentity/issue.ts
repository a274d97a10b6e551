import { randomBytes, randomInt } from 'node:crypto';

// Temporary credentials shaped as STS's: an access key id of 20 characters starting `ASIA` (temporary keys; IAM
// user guide, "Unique identifiers": ASIA = temporary STS access key), a 40-character secret key, and an opaque
// session token.

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

const pick = (alphabet: string, length: number) => Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');

export function newCredentials(): { accessKeyId: string; secretAccessKey: string; sessionToken: string } {
  return {
    accessKeyId: `ASIA${pick(KEY_ALPHABET, 16)}`,
    secretAccessKey: pick(SECRET_ALPHABET, 40),
    sessionToken: randomBytes(288).toString('base64'),
  };
}
