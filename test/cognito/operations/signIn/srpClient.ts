import { createDiffieHellman, createHash, createHmac, randomBytes } from 'node:crypto';
import { N_HEX, padHex, poolName } from '../../../../src/cognito/auth/srp.js';

// The client half of Cognito's SRP for SDK v3 tests, written from the protocol description
// (/work/shared/reference/cognito-api.md §3.2), independently of the server's code; test/e2e checks both halves
// against amazon-cognito-identity-js itself.

const N = BigInt(`0x${N_HEX}`);
const hash = (data: Buffer | string) => createHash('sha256').update(data).digest();
const hexHash = (hex: string) => hash(Buffer.from(hex, 'hex')).toString('hex');
const k = BigInt(`0x${hexHash(padHex(N_HEX) + '02')}`);
const big = (hex: string) => BigInt(`0x${hex}`);
const bytes = (n: bigint) => Buffer.from(padHex(n.toString(16)), 'hex');

function modPow(base: bigint, exponent: bigint): bigint {
  const dh = createDiffieHellman(Buffer.from(N_HEX, 'hex'), Buffer.from([2]));
  dh.setPrivateKey(bytes(exponent));
  return big((base === 2n ? dh.generateKeys() : dh.computeSecret(bytes(base))).toString('hex'));
}

export interface SrpClient {
  /** SRP_A, hex. */
  A: string;
  /** The PASSWORD_VERIFIER answer for the challenge's parameters. */
  answer(challenge: Record<string, string>, password: string, timestamp?: string): Record<string, string>;
}

/** amazon-cognito-identity-js's DateHelper format: "Sun Nov 2 01:23:01 UTC 2026" (day not zero-padded). */
export function srpTimestamp(date = new Date()): string {
  const [day, dd, month, year, time] = date.toUTCString().replace(',', '').split(' ') as string[];
  return `${day} ${month} ${Number(dd)} ${time} UTC ${year}`;
}

export function srpClient(userPoolId: string): SrpClient {
  const a = big(randomBytes(128).toString('hex'));
  const A = modPow(2n, a);
  return {
    A: A.toString(16),
    answer(challenge, password, timestamp = srpTimestamp()) {
      const { SALT, SRP_B, SECRET_BLOCK, USER_ID_FOR_SRP } = challenge as Record<string, string>;
      const B = big(SRP_B!);
      const u = big(hexHash(padHex(A.toString(16)) + padHex(SRP_B!)));
      const inner = hash(`${poolName(userPoolId)}${USER_ID_FOR_SRP}:${password}`);
      const x = big(hash(Buffer.concat([Buffer.from(padHex(SALT!), 'hex'), inner])).toString('hex'));
      const base = (((B - k * modPow(2n, x)) % N) + N) % N;
      const S = modPow(base, a + u * x);
      const prk = createHmac('sha256', bytes(u)).update(bytes(S)).digest();
      const key = createHmac('sha256', prk).update('Caldera Derived Key\u0001').digest().subarray(0, 16);
      const signature = createHmac('sha256', key)
        .update(Buffer.concat([
          Buffer.from(poolName(userPoolId)), Buffer.from(USER_ID_FOR_SRP!), Buffer.from(SECRET_BLOCK!, 'base64'),
          Buffer.from(timestamp),
        ]))
        .digest('base64');
      return {
        USERNAME: USER_ID_FOR_SRP!,
        PASSWORD_CLAIM_SECRET_BLOCK: SECRET_BLOCK!,
        PASSWORD_CLAIM_SIGNATURE: signature,
        TIMESTAMP: timestamp,
      };
    },
  };
}
