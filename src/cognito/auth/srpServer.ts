import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { N_HEX, padHex, poolName, powG } from './srp.js';

// The server half of Cognito's SRP-6a (/work/shared/reference/cognito-api.md §3.3), the counterpart of
// amazon-cognito-identity-js AuthenticationHelper.js:
//   B = (k·v + g^b) mod N,  u = H(padHex(A) ‖ padHex(B)),  S = (A·v^u)^b mod N,
//   K = HKDF(ikm = padHex(S), salt = padHex(u), info = "Caldera Derived Key")[0:16],
//   PASSWORD_CLAIM_SIGNATURE = HMAC(K, poolName ‖ userIdForSrp ‖ SECRET_BLOCK bytes ‖ TIMESTAMP).
//
// The modular exponentiations (each about 0.7 ms of CPU) run in OpenSSL on the worker threads that compute
// verifiers (srp.ts `powG`), so a sign-in does not hold up the event loop; BigInt does only the cheap products
// and sums.

const N = BigInt(`0x${N_HEX}`);
const hexHash = (hex: string) => createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');
/** k = H(padHex(N) ‖ padHex(g)). */
const k = BigInt(`0x${hexHash(padHex(N_HEX) + padHex('2'))}`);

const toHex = (n: bigint) => n.toString(16);
const toBuffer = (n: bigint) => Buffer.from(padHex(toHex(n)), 'hex');

/** base^exponent mod N; `base` omitted means g. */
async function modPow(exponent: Buffer, base?: bigint): Promise<bigint> {
  const hex = await powG.pow(exponent, base === undefined ? undefined : toBuffer(base));
  return BigInt(`0x${hex || '0'}`);
}

/** A hex number as the client sent it, or undefined when it is not one. */
export function parseSrpA(hex: string): bigint | undefined {
  if (!/^[0-9a-fA-F]{1,2048}$/.test(hex)) return undefined;
  const A = BigInt(`0x${hex}`);
  // SRP-6a: the server aborts when A mod N is 0 (the client checks the same of B).
  return A % N === 0n ? undefined : A;
}

/** The server's ephemeral pair for one sign-in: `b` stays in the session, `B` goes to the client (hex). */
export async function serverEphemeral(verifierHex: string): Promise<{ b: string; B: string }> {
  const b = randomBytes(32);
  const B = (k * BigInt(`0x${verifierHex}`) + (await modPow(b))) % N;
  return { b: b.toString('hex'), B: toHex(B) };
}

export interface PasswordClaim {
  userPoolId: string;
  userIdForSrp: string;
  verifierHex: string;
  A: string;
  B: string;
  b: string;
  /** Base64, as sent in the challenge and returned in PASSWORD_CLAIM_SECRET_BLOCK. */
  secretBlock: string;
  /** Exactly as the client sent it: it is signed as text. */
  timestamp: string;
  /** Base64 PASSWORD_CLAIM_SIGNATURE. */
  signature: string;
}

/** Whether the client's signature proves it knows the password behind the verifier (constant-time compare). */
export async function verifyPasswordClaim(claim: PasswordClaim): Promise<boolean> {
  const A = BigInt(`0x${claim.A}`);
  const uHex = hexHash(padHex(claim.A) + padHex(claim.B));
  if (BigInt(`0x${uHex}`) === 0n) return false;
  let S: bigint;
  try {
    const vToU = await modPow(Buffer.from(uHex, 'hex'), BigInt(`0x${claim.verifierHex}`));
    S = await modPow(Buffer.from(claim.b, 'hex'), (A * vToU) % N);
  } catch {
    // OpenSSL refuses degenerate bases (0, 1, N-1): only a forged A leads there.
    return false;
  }
  const prk = createHmac('sha256', Buffer.from(padHex(uHex), 'hex')).update(Buffer.from(padHex(toHex(S)), 'hex')).digest();
  const key = createHmac('sha256', prk).update(Buffer.concat([Buffer.from('Caldera Derived Key'), Buffer.from([1])])).digest().subarray(0, 16);
  const expected = createHmac('sha256', key)
    .update(Buffer.concat([
      Buffer.from(poolName(claim.userPoolId)),
      Buffer.from(claim.userIdForSrp),
      Buffer.from(claim.secretBlock, 'base64'),
      Buffer.from(claim.timestamp),
    ]))
    .digest();
  const actual = Buffer.from(claim.signature, 'base64');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
