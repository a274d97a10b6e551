import type { AdminRemoveUserFromGroupRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { memberships } from '../../model/group.js';
import { requireUser } from '../../model/user.js';
import { checkUsername } from '../users/checks.js';
import { checkGroupKey, requireGroup } from './groupChecks.js';

/** Removing a user who is not a member succeeds, as adding one twice does. */
export const AdminRemoveUserFromGroup =
  ({ store }: Pick<Deps, 'store'>): Operation<AdminRemoveUserFromGroupRequest, Record<string, never>> =>
  async (_ctx, { UserPoolId, Username, GroupName }) => {
    checkUsername(Username!, checkGroupKey(UserPoolId!, GroupName!)).throwIfAny();
    await store.transact(UserPoolId!, async (tx) => {
      const pool = await requirePool(store, UserPoolId!);
      await requireGroup(store, pool.Id, GroupName!);
      const user = await requireUser(store, pool, Username!);
      const table = store.table(memberships);
      const membership = await tx.get(table, [pool.Id, GroupName!, user.UsernameKey]);
      if (membership) await tx.delete(table, membership);
    });
    return {};
  };
