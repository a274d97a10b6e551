import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PasswordRecord } from '../model/user.js';
import { ModPowPool } from './modPowPool.js';

// The SRP-6a verifier as Cognito and amazon-cognito-identity-js compute it (AuthenticationHelper.js,
// getPasswordAuthenticationKey; /work/shared/reference/cognito-api.md §3):
//   x = H(padHex(salt) ‖ H(poolName + userIdForSrp + ":" + password)), v = g^x mod N,
// with N the RFC 3526 3072-bit MODP prime, g = 2 and H = SHA-256.

/** RFC 3526 §4, the 3072-bit MODP group (Node calls it modp15). */
export const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';

/** Modular exponentiation in Cognito's SRP group, off the event loop (see modPowPool.ts); srpServer.ts shares it. */
export const powG = new ModPowPool(N_HEX, 2);

/** Hex without leading zeros, as BigInteger.toString(16) prints it ("0" for zero). */
function canonicalHex(hex: string): string {
  return hex.replace(/^0+(?=.)/, '').toLowerCase();
}

/**
 * amazon-cognito-identity-js `padHex`: the minimal even-length two's-complement hex of a non-negative number,
 * prefixed with "00" when its first nibble is 8-f. Not fixed-width; every hash of a number uses it.
 */
export function padHex(hex: string): string {
  const canonical = canonicalHex(hex);
  const even = canonical.length % 2 ? `0${canonical}` : canonical;
  return /^[89a-f]/.test(even) ? `00${even}` : even;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();

/** The pool name of SRP: the part of the pool id after the underscore (CognitoUserPool.js). */
export function poolName(userPoolId: string): string {
  return userPoolId.slice(userPoolId.indexOf('_') + 1);
}

/** SRP's private value x = H(padHex(salt) ‖ H(poolName + userIdForSrp + ":" + password)), for a salt given as hex. */
function privateValue(userPoolId: string, userIdForSrp: string, password: string, saltHex: string): Buffer {
  const inner = sha256(`${poolName(userPoolId)}${userIdForSrp}:${password}`);
  return sha256(Buffer.concat([Buffer.from(padHex(saltHex), 'hex'), inner]));
}

/**
 * What password flows (USER_PASSWORD_AUTH, ChangePassword...) compare against: H(x). It reveals neither x nor the
 * password (SHA-256 preimages), cannot stand in for the verifier in SRP, and costs microseconds, where recomputing
 * v = g^x costs a 3072-bit modexp (0.7 ms) per sign-in. Offline guessing against it is as possible as against v.
 */
const passwordCheck = (x: Buffer) => sha256(x).toString('hex');

export interface PasswordOptions {
  /** AdminCreateUser's passwords are temporary: the user must choose another at first sign-in. */
  temporary: boolean;
  now: Date;
}

/**
 * The stored form of a password. About 0.7 ms of CPU on a worker thread: callers compute it before taking a pool's
 * lock. The salt is 128 random bits, the size amazon-cognito-identity-js uses for device verifiers.
 */
export async function createPasswordRecord(
  userPoolId: string,
  userIdForSrp: string,
  password: string,
  options: PasswordOptions,
): Promise<PasswordRecord> {
  const salt = randomBytes(16).toString('hex');
  const x = privateValue(userPoolId, userIdForSrp, password, salt);
  return {
    salt,
    verifier: canonicalHex(await powG.pow(x)),
    check: passwordCheck(x),
    userIdForSrp,
    temporary: options.temporary,
    setAt: options.now.getTime(),
  };
}

/**
 * Whether `password` is the one `record` was made from, compared in constant time: against the password check, or
 * for records stored before it existed, against the verifier.
 */
export async function verifyPassword(record: PasswordRecord, userPoolId: string, password: string): Promise<boolean> {
  const x = privateValue(userPoolId, record.userIdForSrp, password, record.salt);
  const [expected, actual] = record.check
    ? [Buffer.from(record.check, 'hex'), Buffer.from(passwordCheck(x), 'hex')]
    : [Buffer.from(padHex(record.verifier), 'hex'), Buffer.from(padHex(canonicalHex(await powG.pow(x))), 'hex')];
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
