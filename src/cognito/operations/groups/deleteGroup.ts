import type { DeleteGroupRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { TableSpec } from '../../../store/store.js';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { groups, memberships } from '../../model/group.js';
import { checkGroupKey, requireGroup } from './groupChecks.js';

/** Memberships removed along with the group in its own atomic batch; bigger groups are purged in chunks. */
const CHUNK = 1000;

/**
 * Removes the group and its memberships under the pool's lock, so no one can add a member or recreate the group
 * meanwhile. A big group's memberships go first, in chunks, and the group record last: group names are reused, so
 * memberships left behind by a crash must never outlive the group (they would reappear in a new group of the
 * same name); a crash part way leaves the group in place, with fewer members, for a retry to finish.
 */
export const DeleteGroup =
  ({ store }: Pick<Deps, 'store'>): Operation<DeleteGroupRequest, Record<string, never>> =>
  async (_ctx, { UserPoolId, GroupName }) => {
    checkGroupKey(UserPoolId!, GroupName!).throwIfAny();
    await store.transact(UserPoolId!, async (tx) => {
      await requirePool(store, UserPoolId!);
      const group = await requireGroup(store, UserPoolId!, GroupName!);
      const members = store.table(memberships);
      const first = await members.list([UserPoolId!, GroupName!], { limit: CHUNK });
      if (first.next) await store.purge([memberships as TableSpec<unknown>], [UserPoolId!, GroupName!], CHUNK);
      else for (const membership of first.items) await tx.delete(members, membership);
      await tx.delete(store.table(groups), group);
    });
    return {};
  };
