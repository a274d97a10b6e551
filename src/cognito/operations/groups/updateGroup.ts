import type { UpdateGroupRequest, UpdateGroupResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { groupToApi, groups, type GroupRecord } from '../../model/group.js';
import { checkGroupKey, checkGroupSettings, requireGroup } from './groupChecks.js';

/**
 * Changes only the settings the request names. The API reference says UpdateGroup "updates any of the properties
 * for precedence, IAM role, or description", and its example request leaves RoleArn out while the response still
 * carries the group's role (unlike UpdateUserPool, whose reference warns that omitted settings are reset).
 */
export const UpdateGroup =
  ({ store, clock }: Pick<Deps, 'store' | 'clock'>): Operation<UpdateGroupRequest, UpdateGroupResponse> =>
  async (_ctx, { UserPoolId, GroupName, Description, RoleArn, Precedence }) => {
    checkGroupSettings({ Description, RoleArn, Precedence }, checkGroupKey(UserPoolId!, GroupName!)).throwIfAny();
    const updated = await store.transact(UserPoolId!, async (tx) => {
      await requirePool(store, UserPoolId!);
      const group = await requireGroup(store, UserPoolId!, GroupName!);
      const record: GroupRecord = {
        ...group,
        ...(Description !== undefined ? { Description } : {}),
        ...(RoleArn !== undefined ? { RoleArn } : {}),
        ...(Precedence !== undefined ? { Precedence } : {}),
        LastModifiedDate: clock.now().getTime(),
      };
      await tx.put(store.table(groups), record);
      return record;
    });
    return { Group: groupToApi(updated) };
  };
