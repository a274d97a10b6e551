import type { ListUserPoolClientsRequest, ListUserPoolClientsResponse } from '@aws-sdk/client-cognito-identity-provider';
import { PATTERNS } from '../../constraints.js';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { userPoolClients } from '../../model/client.js';
import { fromToken, toToken } from '../../pagination.js';
import { checkUserPoolId } from '../pools/poolSettings.js';

/**
 * The pool's clients in id order (the store's key order); a page costs O(MaxResults). Each entry holds only the
 * id, pool id and name (UserPoolClientDescription). MaxResults is 1..60 (API reference); without it a page is the
 * maximum.
 */
export const ListUserPoolClients =
  ({ store }: Pick<Deps, 'store'>): Operation<ListUserPoolClientsRequest, ListUserPoolClientsResponse> =>
  async (_ctx, { UserPoolId, MaxResults, NextToken, ClientType }) => {
    checkUserPoolId(UserPoolId!)
      .range('maxResults', MaxResults, 1, 60)
      .length('nextToken', NextToken, 1)
      .pattern('nextToken', NextToken, PATTERNS.paginationKey)
      .oneOf('clientType', ClientType, ['DCR', 'REGULAR'])
      .throwIfAny();
    await requirePool(store, UserPoolId!);
    // Every cogniform client is REGULAR: none comes from dynamic client registration.
    if (ClientType === 'DCR') return { UserPoolClients: [] };
    const page = await store.table(userPoolClients).list([UserPoolId!], { limit: MaxResults ?? 60, after: fromToken(NextToken) });
    return {
      UserPoolClients: page.items.map(({ ClientId, UserPoolId, ClientName }) => ({ ClientId, UserPoolId, ClientName })),
      ...(page.next ? { NextToken: toToken(page.next) } : {}),
    };
  };
