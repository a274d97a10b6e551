import type { AdminUserGlobalSignOutRequest, AdminUserGlobalSignOutResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { requireUser } from '../../model/user.js';
import { checkUserKey } from '../users/checks.js';

/** GlobalSignOut for an administrator: the user is named by username, alias or sub. */
export const AdminUserGlobalSignOut =
  ({ store, tokens }: Pick<Deps, 'store' | 'tokens'>): Operation<AdminUserGlobalSignOutRequest, AdminUserGlobalSignOutResponse> =>
  async (_ctx, { UserPoolId, Username }) => {
    checkUserKey(UserPoolId!, Username!).throwIfAny();
    await store.transact(UserPoolId!, async (tx) => {
      const pool = await requirePool(store, UserPoolId!);
      await tokens.signOutEverywhere(tx, pool, await requireUser(store, pool, Username!));
    });
    return {};
  };
