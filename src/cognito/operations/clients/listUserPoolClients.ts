import type { ListUserPoolClientsRequest, ListUserPoolClientsResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { userPoolClients } from '../../model/client.js';
import { checkPaging, listPage, nextToken } from '../../pagination.js';
import { checkUserPoolId } from '../pools/poolSettings.js';

/**
 * The pool's clients in id order (the store's key order); a page costs O(MaxResults). Each entry holds only the
 * id, pool id and name (UserPoolClientDescription). MaxResults is 1..60 (API reference); without it a page is the
 * maximum.
 */
export const ListUserPoolClients =
  ({ store }: Pick<Deps, 'store'>): Operation<ListUserPoolClientsRequest, ListUserPoolClientsResponse> =>
  async (_ctx, { UserPoolId, MaxResults, NextToken, ClientType }) => {
    checkPaging(
      checkUserPoolId(UserPoolId!),
      { name: 'maxResults', value: MaxResults, min: 1, max: 60 },
      { name: 'nextToken', value: NextToken },
    )
      .oneOf('clientType', ClientType, ['DCR', 'REGULAR'])
      .throwIfAny();
    await requirePool(store, UserPoolId!);
    // Every cogniform client is REGULAR: none comes from dynamic client registration.
    if (ClientType === 'DCR') return { UserPoolClients: [] };
    const page = await listPage(store.table(userPoolClients), [UserPoolId!], MaxResults ?? 60, NextToken);
    return {
      UserPoolClients: page.items.map(({ ClientId, UserPoolId, ClientName }) => ({ ClientId, UserPoolId, ClientName })),
      ...nextToken(page),
    };
  };
