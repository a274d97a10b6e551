import { createHash, timingSafeEqual } from 'node:crypto';
import type { Store, TableSpec, Transaction } from '../../store/store.js';
import type { Deps } from '../deps.js';
import { CodeMismatchException, ExpiredCodeException, LimitExceededException, type CognitoError } from '../errors.js';
import { subOf, type UserRecord } from '../model/user.js';

// The codes a user must type back (sign-up confirmation, password reset, attribute verification, MFA): one pending
// code per user and purpose, single use, expiring, and refused after too many wrong guesses. A new code replaces the
// previous one of the same purpose, so an older code no longer works.

/** What a code is for; VERIFY_ATTRIBUTE names the attribute (`VERIFY_ATTRIBUTE:email`). */
export type CodePurpose = 'SIGN_UP' | 'FORGOT_PASSWORD' | 'MFA' | `VERIFY_ATTRIBUTE:${string}`;

export interface PendingCode {
  UserPoolId: string;
  /** Keyed by the user's sub, which never changes and is never reused (a re-created user gets a new one). */
  sub: string;
  purpose: CodePurpose;
  /**
   * SHA-256 of sub and code. Six digits are no secret from anyone holding the store, but the store then holds no
   * code in plain text; the inbox keeps what was sent, as the emulator promises.
   */
  hash: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** Wrong guesses so far. */
  attempts: number;
  /** The attribute the code was sent to, which confirming it verifies. */
  attribute?: string;
}

/** Keyed under the pool, so DeleteUserPool purges it (see model/tables.ts). */
export const pendingCodes: TableSpec<PendingCode> = {
  name: 'pendingCodes',
  key: (c) => [c.UserPoolId, c.sub, c.purpose],
};

const HOUR = 3_600_000;
/**
 * Sign-up and attribute verification codes are valid for 24 hours (developer guide, "Configuring email or phone
 * verification"; a Cognito engineer in amazon-archives/amazon-cognito-identity-js#380: "Confirmation and verification
 * code are valid for 24 hours and this is not configurable"); ForgotPassword's for one hour (developer guide,
 * "Recovering user accounts"). MFA codes last 3 minutes, the pool's default sign-in session.
 */
export function lifetimeOf(purpose: CodePurpose): number {
  if (purpose === 'FORGOT_PASSWORD') return HOUR;
  if (purpose === 'MFA') return 3 * 60_000;
  return 24 * HOUR;
}

/**
 * Wrong guesses allowed per code. AWS does not publish its limits ("we do not share externally the exact limits
 * involved", amazon-archives/amazon-cognito-identity-js#548); five is a small number tests can reach.
 */
export const MAX_ATTEMPTS = 5;

// AWS's messages, quoted in many public issues (e.g. aws-amplify/amplify-js#8013 for the limit;
// amazon-archives/amazon-cognito-identity-js#380 for the expired code).
export const codeMismatch = () => new CodeMismatchException('Invalid verification code provided, please try again.');
export const expiredCode = () => new ExpiredCodeException('Invalid code provided, please request a code again.');
export const attemptLimit = () => new LimitExceededException('Attempt limit exceeded, please try after some time.');

const hashOf = (sub: string, code: string) => createHash('sha256').update(`${sub}:${code}`).digest('hex');

/** Six random digits, or the `--code` every code then is. */
export function newCode({ ids, fixedCode }: Pick<Deps, 'ids' | 'fixedCode'>): string {
  return fixedCode ?? ids.random('0123456789', 6);
}

export interface IssueOptions {
  purpose: CodePurpose;
  code: string;
  now: Date;
  attribute?: string | undefined;
}

/** Records `code` as the user's pending code for `purpose`, replacing any earlier one. */
export async function storeCode(store: Store, tx: Transaction, user: UserRecord, options: IssueOptions): Promise<void> {
  const { purpose, code, now, attribute } = options;
  const sub = subOf(user);
  await tx.put(store.table(pendingCodes), {
    UserPoolId: user.UserPoolId,
    sub,
    purpose,
    hash: hashOf(sub, code),
    expiresAt: now.getTime() + lifetimeOf(purpose),
    attempts: 0,
    ...(attribute ? { attribute } : {}),
  });
}

export type Redemption = { ok: true; attribute?: string } | { ok: false; error: CognitoError };

/**
 * Checks `code` against the user's pending code for `purpose`. A right code is used up; a wrong one counts as an
 * attempt. Either way the change is written to `tx`, and the verdict is returned rather than thrown: the caller
 * lets the transaction commit (so the attempt is counted) and throws `error` afterwards.
 */
export async function redeemCode(
  store: Store,
  tx: Transaction,
  user: UserRecord,
  purpose: CodePurpose,
  code: string,
  now: Date,
): Promise<Redemption> {
  const table = store.table(pendingCodes);
  const pending = await tx.get(table, [user.UserPoolId, subOf(user), purpose]);
  if (!pending) return { ok: false, error: codeMismatch() };
  if (pending.attempts >= MAX_ATTEMPTS) return { ok: false, error: attemptLimit() };
  if (pending.expiresAt <= now.getTime()) {
    await tx.delete(table, pending);
    return { ok: false, error: expiredCode() };
  }
  const expected = Buffer.from(pending.hash, 'hex');
  const actual = Buffer.from(hashOf(pending.sub, code), 'hex');
  if (!timingSafeEqual(expected, actual)) {
    await tx.put(table, { ...pending, attempts: pending.attempts + 1 });
    return { ok: false, error: codeMismatch() };
  }
  await tx.delete(table, pending);
  return pending.attribute ? { ok: true, attribute: pending.attribute } : { ok: true };
}

/** Drops the user's pending code for `purpose`, if any (the user was confirmed some other way). */
export async function discardCode(store: Store, tx: Transaction, user: UserRecord, purpose: CodePurpose): Promise<void> {
  const table = store.table(pendingCodes);
  const pending = await tx.get(table, [user.UserPoolId, subOf(user), purpose]);
  if (pending) await tx.delete(table, pending);
}
