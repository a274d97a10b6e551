import type {
  AdminListGroupsForUserRequest,
  AdminListGroupsForUserResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { groupToApi, groups, memberships, type GroupRecord } from '../../model/group.js';
import { fromToken, nextToken, pageSize } from '../../pagination.js';
import { checkUserPoolId } from '../pools/poolSettings.js';
import { requireUser } from '../../model/user.js';
import { checkUsername } from '../users/checks.js';
import { checkPage } from './groupChecks.js';

/** The user's groups in name order, through the memberships' `byUser` index; O(Limit) a page. */
export const AdminListGroupsForUser =
  ({ store }: Pick<Deps, 'store'>): Operation<AdminListGroupsForUserRequest, AdminListGroupsForUserResponse> =>
  async (_ctx, { UserPoolId, Username, Limit, NextToken }) => {
    checkPage(Limit, NextToken, checkUsername(Username!, checkUserPoolId(UserPoolId!))).throwIfAny();
    const pool = await requirePool(store, UserPoolId!);
    const user = await requireUser(store, pool, Username!);
    const page = await store
      .table(memberships)
      .findBy('byUser', [pool.Id, user.UsernameKey], { limit: pageSize(Limit), after: fromToken(NextToken) });
    const table = store.table(groups);
    const found = await Promise.all(page.items.map((m) => table.get([m.UserPoolId, m.GroupName])));
    return {
      Groups: found.filter((g): g is GroupRecord => g !== undefined).map(groupToApi),
      ...nextToken(page),
    };
  };
