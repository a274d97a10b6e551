import type { Store } from '../../../../store/store.js';
import { checkNotLockedOut, clearFailures, recordFailure } from '../../../auth/lockout.js';
import {
  NotAuthorizedException,
  PasswordResetRequiredException,
  UserNotConfirmedException,
  UserNotFoundException,
} from '../../../errors.js';
import { hidesUsers, type UserPoolClientRecord } from '../../../model/client.js';
import { attributeValue, findUser, type UserRecord } from '../../../model/user.js';
import { POOL_DEFAULTS } from '../../../model/poolDefaults.js';
import type { UserPoolRecord } from '../../../model/userPool.js';

// What sign-in asks of the user, with AWS's messages (quoted verbatim in countless app and SDK issues).

export const incorrectPassword = () => new NotAuthorizedException('Incorrect username or password.');

/**
 * The user signing in, by username, alias or sub; undefined for an unknown user when the client has
 * PreventUserExistenceErrors ENABLED, which must then be answered exactly as a wrong password would be (developer
 * guide, "Managing error responses").
 */
export async function findSignInUser(
  store: Store,
  pool: UserPoolRecord,
  client: UserPoolClientRecord,
  username: string,
): Promise<UserRecord | undefined> {
  const user = await findUser(store, pool, username);
  if (user || hidesUsers(client)) return user;
  throw new UserNotFoundException('User does not exist.');
}

/** findSignInUser for flows that check the password at once: an unknown user is a wrong password. */
export async function signInUser(
  store: Store,
  pool: UserPoolRecord,
  client: UserPoolClientRecord,
  username: string,
): Promise<UserRecord> {
  const user = await findSignInUser(store, pool, client, username);
  if (!user) throw incorrectPassword();
  return user;
}

/**
 * A password or MFA code checked under the sign-in lockout (../../../auth/lockout.ts): refused while the user is
 * locked out, and a wrong one counted before `wrong` is thrown. Call it outside any transaction of the pool.
 */
export async function checkAttempt(
  store: Store,
  user: UserRecord,
  now: Date,
  right: () => Promise<boolean>,
  wrong: () => Error,
): Promise<void> {
  await checkNotLockedOut(store, user, 'SIGN_IN', now);
  if (await right()) return;
  await recordFailure(store, user, 'SIGN_IN', now);
  throw wrong();
}

/** A sign-in that ends in tokens starts the count of failures again; one that goes on to a challenge does not. */
export async function settled<R extends { AuthenticationResult?: unknown }>(store: Store, user: UserRecord, response: R): Promise<R> {
  if (response.AuthenticationResult) await clearFailures(store, user, 'SIGN_IN');
  return response;
}

/** What stops a user before any password is checked. */
export function checkCanSignIn(user: UserRecord): void {
  if (!user.Enabled) throw new NotAuthorizedException('User is disabled.');
  if (user.UserStatus === 'RESET_REQUIRED') throw new PasswordResetRequiredException('Password reset required for the user');
}

/**
 * What stops a user whose password was right: AWS reveals that an account is unconfirmed only to whoever knows its
 * password, and a temporary password lasts the pool's TemporaryPasswordValidityDays (7 by default).
 */
export function checkAfterPassword(pool: UserPoolRecord, user: UserRecord, now: Date): void {
  if (user.UserStatus === 'UNCONFIRMED') throw new UserNotConfirmedException('User is not confirmed.');
  if (!user.password?.temporary) return;
  const days =
    pool.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays ??
    POOL_DEFAULTS.Policies.PasswordPolicy.TemporaryPasswordValidityDays;
  if (now.getTime() - user.password.setAt > days * 86_400_000) {
    throw new NotAuthorizedException('Temporary password has expired and must be reset by an administrator.');
  }
}

/** Whether the next step is the NEW_PASSWORD_REQUIRED challenge rather than tokens. */
export const mustChangePassword = (user: UserRecord) =>
  user.UserStatus === 'FORCE_CHANGE_PASSWORD' || Boolean(user.password?.temporary);

/**
 * Every name a user goes by: a SECRET_HASH computed over any of them is accepted when answering a challenge, as
 * clients differ in which one they hash (the name first typed, or USER_ID_FOR_SRP).
 */
export function namesOf(user: UserRecord): string[] {
  const attributes = ['sub', 'email', 'phone_number', 'preferred_username'].map((name) => attributeValue(user, name));
  return [user.Username, ...attributes.filter((value): value is string => Boolean(value))];
}
