import { Secret, TOTP } from 'otpauth';
import type { Ids } from '../../deps.js';
import { ExpiredCodeException } from '../../errors.js';
import type { SoftwareTokenRecord } from '../../model/user.js';

// RFC 6238 as authenticator apps and Cognito speak it: SHA-1, six digits, a 30-second step (developer guide,
// "TOTP software token MFA"), through the otpauth library rather than hand-written HMAC arithmetic.

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const PERIOD_MS = 30_000;

/**
 * A new secret as AssociateSoftwareToken's SecretCode: base32, 52 characters like AWS's (32 random bytes; the
 * model's SecretCodeType allows 16 and more).
 */
export const newSecret = (ids: Pick<Ids, 'random'>) => ids.random(BASE32, 52);

/**
 * The time step whose code `code` is, when it is the code at `now` or one step either side (the usual allowance for
 * clock drift; ministackorg/ministack#1608 probes AWS's as ±1 step); undefined otherwise.
 */
export function totpStep(secret: string, code: string, now: Date): number | undefined {
  if (!/^[0-9]{6}$/.test(code)) return undefined;
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: PERIOD_MS / 1000 });
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? undefined : Math.floor(now.getTime() / PERIOD_MS) + delta;
}

/**
 * AWS accepts each code once, VerifySoftwareToken's included: a second use within its window is ExpiredCodeException
 * "Your software token has already been used once." (what Amplify Swift's TOTP integration test sleeps 30 seconds
 * to avoid, aws-amplify/amplify-swift; many apps match the message).
 */
export function checkUnused(token: SoftwareTokenRecord | undefined, step: number): void {
  if (token?.lastStep !== undefined && step <= token.lastStep) {
    throw new ExpiredCodeException('Your software token has already been used once.');
  }
}
