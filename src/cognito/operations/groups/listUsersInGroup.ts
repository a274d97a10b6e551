import type { ListUsersInGroupRequest, ListUsersInGroupResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { memberships } from '../../model/group.js';
import { userToApi, users, type UserRecord } from '../../model/user.js';
import { fromToken, nextToken, pageSize } from '../../pagination.js';
import { checkGroupKey, checkPage, requireGroup } from './groupChecks.js';

/** Members in username order (the memberships' key order), as full UserType like ListUsers; O(Limit) a page. */
export const ListUsersInGroup =
  ({ store }: Pick<Deps, 'store'>): Operation<ListUsersInGroupRequest, ListUsersInGroupResponse> =>
  async (_ctx, { UserPoolId, GroupName, Limit, NextToken }) => {
    checkPage(Limit, NextToken, checkGroupKey(UserPoolId!, GroupName!)).throwIfAny();
    await requirePool(store, UserPoolId!);
    await requireGroup(store, UserPoolId!, GroupName!);
    const page = await store
      .table(memberships)
      .list([UserPoolId!, GroupName!], { limit: pageSize(Limit), after: fromToken(NextToken) });
    const table = store.table(users);
    // AdminDeleteUser removes a user's memberships with the user; one that outlived its user is skipped, not fatal.
    const members = await Promise.all(page.items.map((m) => table.get([m.UserPoolId, m.UserKey])));
    return {
      Users: members.filter((u): u is UserRecord => u !== undefined).map((u) => userToApi(u)),
      ...nextToken(page),
    };
  };
