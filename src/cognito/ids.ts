import { randomInt, randomUUID } from 'node:crypto';
import type { Ids } from './deps.js';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

function random(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export const randomIds: Ids = {
  userPoolId: (region) => `${region}_${random(ALPHANUMERIC, 9)}`,
  clientId: () => random(LOWER_ALPHANUMERIC, 26),
  // Real secrets are 51 lowercase alphanumerics.
  clientSecret: () => random(LOWER_ALPHANUMERIC, 51),
  uuid: () => randomUUID(),
  random,
};
