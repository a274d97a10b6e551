import type { AdminDeleteUserRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { requireUser } from '../../model/user.js';
import { checkUserKey } from './checks.js';
import { removeUser } from './records/userRecords.js';

/** Removes the user, its index entries and its group memberships in one batch. */
export const AdminDeleteUser =
  ({ store }: Pick<Deps, 'store'>): Operation<AdminDeleteUserRequest, Record<string, never>> =>
  async (_ctx, { UserPoolId, Username }) => {
    checkUserKey(UserPoolId!, Username!).throwIfAny();
    await store.transact(UserPoolId!, async (tx) => {
      const pool = await requirePool(store, UserPoolId!);
      await removeUser(store, tx, await requireUser(store, pool, Username!));
    });
    return {};
  };
