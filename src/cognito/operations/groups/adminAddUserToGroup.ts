import type { AdminAddUserToGroupRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { memberships } from '../../model/group.js';
import { requireUser } from '../../model/user.js';
import { checkUsername } from '../users/checks.js';
import { checkGroupKey, requireGroup } from './groupChecks.js';

/**
 * Adding a member twice succeeds and changes nothing, as in AWS. The group is looked up before the user (the order
 * moto and cognito-local use; AWS does not document it).
 */
export const AdminAddUserToGroup =
  ({ store }: Pick<Deps, 'store'>): Operation<AdminAddUserToGroupRequest, Record<string, never>> =>
  async (_ctx, { UserPoolId, Username, GroupName }) => {
    checkUsername(Username!, checkGroupKey(UserPoolId!, GroupName!)).throwIfAny();
    await store.transact(UserPoolId!, async (tx) => {
      const pool = await requirePool(store, UserPoolId!);
      await requireGroup(store, pool.Id, GroupName!);
      const user = await requireUser(store, pool, Username!);
      // Keyed by pool, group and user: a second add rewrites the same record.
      await tx.put(store.table(memberships), { UserPoolId: pool.Id, GroupName: GroupName!, UserKey: user.UsernameKey });
    });
    return {};
  };
