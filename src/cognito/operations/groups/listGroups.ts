import type { ListGroupsRequest, ListGroupsResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { groupToApi, groups } from '../../model/group.js';
import { listPage, nextToken, pageSize } from '../../pagination.js';
import { checkUserPoolId } from '../pools/poolSettings.js';
import { checkPage } from './groupChecks.js';

/** Groups in name order (the store's key order); a page costs O(Limit). */
export const ListGroups =
  ({ store }: Pick<Deps, 'store'>): Operation<ListGroupsRequest, ListGroupsResponse> =>
  async (_ctx, { UserPoolId, Limit, NextToken }) => {
    checkPage(Limit, NextToken, checkUserPoolId(UserPoolId!)).throwIfAny();
    await requirePool(store, UserPoolId!);
    const page = await listPage(store.table(groups), [UserPoolId!], pageSize(Limit), NextToken);
    return { Groups: page.items.map(groupToApi), ...nextToken(page) };
  };
