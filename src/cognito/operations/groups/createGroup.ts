import type { CreateGroupRequest, CreateGroupResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { GroupExistsException } from '../../errors.js';
import { requirePool } from '../../lookup.js';
import { groupToApi, groups, type GroupRecord } from '../../model/group.js';
import { checkGroupKey, checkGroupSettings } from './groupChecks.js';

export const CreateGroup =
  ({ store, clock }: Pick<Deps, 'store' | 'clock'>): Operation<CreateGroupRequest, CreateGroupResponse> =>
  async (_ctx, { UserPoolId, GroupName, Description, RoleArn, Precedence }) => {
    checkGroupSettings({ Description, RoleArn, Precedence }, checkGroupKey(UserPoolId!, GroupName!)).throwIfAny();
    const group = await store.transact(UserPoolId!, async (tx) => {
      await requirePool(store, UserPoolId!);
      const table = store.table(groups);
      // AWS leaves the name out of this message; moto, cognito-local style emulators and the message quoted in
      // aws-amplify/amplify-backend#1781 agree on the wording.
      if (await tx.get(table, [UserPoolId!, GroupName!])) {
        throw new GroupExistsException('A group with the name already exists.');
      }
      const now = clock.now().getTime();
      const record: GroupRecord = {
        GroupName: GroupName!,
        UserPoolId: UserPoolId!,
        ...(Description !== undefined ? { Description } : {}),
        ...(RoleArn !== undefined ? { RoleArn } : {}),
        ...(Precedence !== undefined ? { Precedence } : {}),
        LastModifiedDate: now,
        CreationDate: now,
      };
      await tx.put(table, record);
      return record;
    });
    return { Group: groupToApi(group) };
  };
