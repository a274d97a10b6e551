import type { Store, TableSpec } from '../../store/store.js';
import { LimitExceededException, NotAuthorizedException, type CognitoError } from '../errors.js';
import { subOf, type UserRecord } from '../model/user.js';

// Failed-attempt limits, as AWS describes them for sign-in (developer guide, "Authentication with user pools",
// "Lockout behavior for failed sign-in attempts"): "After five failed ... sign-in attempts with a password, Amazon
// Cognito locks out your user for one second. The lockout duration then doubles after each additional one failed
// attempt, up to a maximum of approximately 15 minutes. Attempts made during a lockout period generate a Password
// attempts exceeded exception, and don't affect the duration of subsequent lockout periods" (2^(n-5) seconds for n
// failures); it resets when the user signs in, or makes no attempt for 15 minutes. Wrong MFA codes count too: "After
// five unsuccessful attempts to present an MFA code, Amazon Cognito begins the exponential-timeout lockout process"
// (developer guide, "Adding MFA to a user pool"); cogniform counts them with the passwords, so that a correct password
// between wrong codes does not start the count again.
// ChangePassword has its own count: a wrong PreviousPassword too often is LimitExceededException "Attempt limit
// exceeded, please try after some time." (aws-amplify/aws-sdk-android#627, reapit/foundations#2294); AWS does not
// publish that limit, so cogniform applies the sign-in figures to it.

export type AttemptKind = 'SIGN_IN' | 'CHANGE_PASSWORD';

export interface FailedAttempts {
  UserPoolId: string;
  /** The user's sub, which never changes and is never reused. */
  sub: string;
  kind: AttemptKind;
  /** Failures counted, not including attempts refused during a lockout. */
  failures: number;
  /** Epoch milliseconds. */
  lastFailureAt: number;
  lockedUntil: number;
}

/** Keyed under the pool, so DeleteUserPool purges it (model/tables.ts). */
export const failedAttempts: TableSpec<FailedAttempts> = {
  name: 'failedAttempts',
  key: (f) => [f.UserPoolId, f.sub, f.kind],
};

const FREE_FAILURES = 5;
const MAX_LOCKOUT = 15 * 60_000;
/** Without attempts for this long, the count starts again. */
const RESET_AFTER = 15 * 60_000;

const refusal: Record<AttemptKind, () => CognitoError> = {
  SIGN_IN: () => new NotAuthorizedException('Password attempts exceeded'),
  CHANGE_PASSWORD: () => new LimitExceededException('Attempt limit exceeded, please try after some time.'),
};

const keyOf = (user: UserRecord, kind: AttemptKind) => [user.UserPoolId, subOf(user), kind];

/** The count, unless 15 minutes have passed without a failure. */
const live = (found: FailedAttempts | undefined, now: Date) =>
  found && now.getTime() - found.lastFailureAt < RESET_AFTER ? found : undefined;

/** Throws AWS's refusal while the user is locked out; call it before checking the password or code. */
export async function checkNotLockedOut(store: Store, user: UserRecord, kind: AttemptKind, now: Date): Promise<void> {
  const found = live(await store.table(failedAttempts).get(keyOf(user, kind)), now);
  if (found && now.getTime() < found.lockedUntil) throw refusal[kind]();
}

/**
 * Counts a failure in its own transaction, so that it sticks although the caller then throws; call it outside any
 * transaction of the pool.
 */
export async function recordFailure(store: Store, user: UserRecord, kind: AttemptKind, now: Date): Promise<void> {
  await store.transact(user.UserPoolId, async (tx) => {
    const found = live(await tx.get(store.table(failedAttempts), keyOf(user, kind)), now);
    const failures = (found?.failures ?? 0) + 1;
    const lockout = failures < FREE_FAILURES ? 0 : Math.min(1000 * 2 ** (failures - FREE_FAILURES), MAX_LOCKOUT);
    await tx.put(store.table(failedAttempts), {
      UserPoolId: user.UserPoolId, sub: subOf(user), kind, failures, lastFailureAt: now.getTime(), lockedUntil: now.getTime() + lockout,
    });
  });
}

/** A success starts the count again; call it outside any transaction of the pool. */
export async function clearFailures(store: Store, user: UserRecord, kind: AttemptKind): Promise<void> {
  const table = store.table(failedAttempts);
  if (!(await table.get(keyOf(user, kind)))) return;
  await store.transact(user.UserPoolId, async (tx) => {
    const found = await tx.get(table, keyOf(user, kind));
    if (found) await tx.delete(table, found);
  });
}
