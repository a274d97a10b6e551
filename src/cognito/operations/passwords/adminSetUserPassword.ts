import type { AdminSetUserPasswordRequest, AdminSetUserPasswordResponse } from '@aws-sdk/client-cognito-identity-provider';
import { checkPassword } from '../../auth/passwordPolicy.js';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { requireUser, users } from '../../model/user.js';
import { checkUserKey, PASSWORD_PATTERN } from '../users/checks.js';
import { passwordFor } from './passwordReset.js';

/**
 * Sets a user's password. Permanent: the user is CONFIRMED (an UNCONFIRMED or RESET_REQUIRED user too); otherwise
 * the password is temporary and the user is FORCE_CHANGE_PASSWORD (AdminSetUserPassword reference). The password
 * must meet the pool's policy either way.
 */
export const AdminSetUserPassword =
  ({ store, clock }: Pick<Deps, 'store' | 'clock'>): Operation<AdminSetUserPasswordRequest, AdminSetUserPasswordResponse> =>
  async (_ctx, request) => {
    const { UserPoolId, Username, Password, Permanent = false } = request;
    checkUserKey(UserPoolId!, Username!)
      .length('password', Password, 0, 256, true)
      .pattern('password', Password, PASSWORD_PATTERN, true)
      .throwIfAny();
    const pool = await requirePool(store, UserPoolId!);
    checkPassword(pool.Policies?.PasswordPolicy, Password!);
    const now = clock.now();
    const recordFor = passwordFor(pool, Password!, { temporary: !Permanent, now });
    await recordFor(await requireUser(store, pool, Username!));
    await store.transact(pool.Id, async (tx) => {
      await requirePool(store, pool.Id);
      const user = await requireUser(store, pool, Username!);
      await tx.put(store.table(users), {
        ...user,
        password: await recordFor(user),
        UserStatus: Permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD',
        UserLastModifiedDate: now.getTime(),
      });
    });
    return {};
  };
