import type { CognitoIdentityDeps } from './deps.js';

// Temporary credentials shaped as STS's: an access key id of 20 characters starting `ASIA` (temporary keys; IAM
// user guide, "Unique identifiers": ASIA = temporary STS access key), a 40-character secret key, and an opaque
// session token (384 base64 characters).

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function newCredentials({ ids }: Pick<CognitoIdentityDeps, 'ids'>): { accessKeyId: string; secretAccessKey: string; sessionToken: string } {
  return {
    accessKeyId: `ASIA${ids.random(KEY_ALPHABET, 16)}`,
    secretAccessKey: ids.random(SECRET_ALPHABET, 40),
    sessionToken: ids.random(SECRET_ALPHABET, 384),
  };
}
