import type { ChangePasswordRequest, ChangePasswordResponse } from '@aws-sdk/client-cognito-identity-provider';
import { checkNotLockedOut, clearFailures, recordFailure } from '../../auth/lockout.js';
import { checkPassword } from '../../auth/passwordPolicy.js';
import { createPasswordRecord, verifyPassword } from '../../auth/srp.js';
import type { Deps, Operation } from '../../deps.js';
import { users, type UserRecord } from '../../model/user.js';
import { incorrectPassword } from '../signIn/flow/signInUser.js';
import { PASSWORD_PATTERN } from '../users/checks.js';
import { authorize, checkAccessToken, lockedUser } from './accessToken.js';

/**
 * The user replaces their password, proving the current one: a wrong PreviousPassword is sign-in's "Incorrect
 * username or password." (NotAuthorizedException, as AWS answers both). PreviousPassword may be left out only by a
 * user who has no password (ChangePassword reference: "Required if the user has a password"). The new one must meet
 * the pool's policy. Too many wrong previous passwords are LimitExceededException for a while (../../auth/lockout.ts).
 * Tokens already issued keep working. The verifiers (the costly part) are computed before the pool's lock; under it,
 * a password changed meanwhile is checked again.
 */
export const ChangePassword =
  ({ store, clock, tokens }: Pick<Deps, 'store' | 'clock' | 'tokens'>): Operation<
    ChangePasswordRequest,
    ChangePasswordResponse
  > =>
  async (_ctx, { PreviousPassword, ProposedPassword, AccessToken }) => {
    checkAccessToken(AccessToken!)
      .length('previousPassword', PreviousPassword, 0, 256, true)
      .pattern('previousPassword', PreviousPassword, PASSWORD_PATTERN, true)
      .length('proposedPassword', ProposedPassword, 0, 256, true)
      .pattern('proposedPassword', ProposedPassword, PASSWORD_PATTERN, true)
      .throwIfAny();
    const context = await authorize(tokens, AccessToken!);
    const { pool } = context;
    checkPassword(pool.Policies?.PasswordPolicy, ProposedPassword!);
    const proves = async ({ password }: UserRecord) =>
      !password || (PreviousPassword !== undefined && (await verifyPassword(password, pool.Id, PreviousPassword)));
    const now = clock.now();
    // Too many wrong previous passwords lock ChangePassword for a while (../../auth/lockout.ts).
    await checkNotLockedOut(store, context.user, 'CHANGE_PASSWORD', now);
    if (!(await proves(context.user))) {
      await recordFailure(store, context.user, 'CHANGE_PASSWORD', now);
      throw incorrectPassword();
    }
    const record = await createPasswordRecord(pool.Id, context.user.Username, ProposedPassword!, { temporary: false, now });
    await store.transact(pool.Id, async (tx) => {
      const user = await lockedUser(store, tx, context);
      if (user.password?.salt !== context.user.password?.salt && !(await proves(user))) throw incorrectPassword();
      await tx.put(store.table(users), { ...user, password: record, UserLastModifiedDate: now.getTime() });
    });
    await clearFailures(store, context.user, 'CHANGE_PASSWORD');
    return {};
  };
