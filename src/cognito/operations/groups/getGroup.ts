import type { GetGroupRequest, GetGroupResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { groupToApi } from '../../model/group.js';
import { checkGroupKey, requireGroup } from './groupChecks.js';

export const GetGroup =
  ({ store }: Pick<Deps, 'store'>): Operation<GetGroupRequest, GetGroupResponse> =>
  async (_ctx, { UserPoolId, GroupName }) => {
    checkGroupKey(UserPoolId!, GroupName!).throwIfAny();
    await requirePool(store, UserPoolId!);
    return { Group: groupToApi(await requireGroup(store, UserPoolId!, GroupName!)) };
  };
