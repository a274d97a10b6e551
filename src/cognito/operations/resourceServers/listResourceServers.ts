import type {
  ListResourceServersRequest,
  ListResourceServersResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { PATTERNS } from '../../constraints.js';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { resourceServerToApi, resourceServers } from '../../model/resourceServer.js';
import { fromToken, toToken } from '../../pagination.js';
import { checkUserPoolId } from '../pools/poolSettings.js';

/** MaxResults is 1..50 (ListResourceServersLimitType) and optional; without it a page is the maximum, 50. */
const MAX_RESULTS = 50;

/** Servers in identifier order (the store's key order); a page costs O(MaxResults). */
export const ListResourceServers =
  ({ store }: Pick<Deps, 'store'>): Operation<ListResourceServersRequest, ListResourceServersResponse> =>
  async (_ctx, { UserPoolId, MaxResults, NextToken }) => {
    checkUserPoolId(UserPoolId!)
      .range('maxResults', MaxResults, 1, MAX_RESULTS)
      .length('nextToken', NextToken, 1)
      .pattern('nextToken', NextToken, PATTERNS.paginationKey)
      .throwIfAny();
    await requirePool(store, UserPoolId!);
    const page = await store.table(resourceServers).list([UserPoolId!], {
      limit: MaxResults ?? MAX_RESULTS,
      after: fromToken(NextToken),
    });
    return {
      ResourceServers: page.items.map(resourceServerToApi),
      ...(page.next ? { NextToken: toToken(page.next) } : {}),
    };
  };
