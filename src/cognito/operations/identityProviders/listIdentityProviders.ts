import type {
  ListIdentityProvidersRequest,
  ListIdentityProvidersResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { PATTERNS } from '../../constraints.js';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { identityProviders, providerDescription } from '../../model/identityProvider.js';
import { fromToken, toToken } from '../../pagination.js';
import { checkUserPoolId } from '../pools/poolSettings.js';

/** MaxResults is 1..60 (ListProvidersLimitType) and optional; without it a page is the maximum, 60. */
const MAX_RESULTS = 60;

/** Names, types and dates only, in name order (the store's key order); a page costs O(MaxResults). */
export const ListIdentityProviders =
  ({ store }: Pick<Deps, 'store'>): Operation<ListIdentityProvidersRequest, ListIdentityProvidersResponse> =>
  async (_ctx, { UserPoolId, MaxResults, NextToken }) => {
    checkUserPoolId(UserPoolId!)
      .range('maxResults', MaxResults, 1, MAX_RESULTS)
      .length('nextToken', NextToken, 1)
      .pattern('nextToken', NextToken, PATTERNS.paginationKey)
      .throwIfAny();
    await requirePool(store, UserPoolId!);
    const page = await store.table(identityProviders).list([UserPoolId!], {
      limit: MaxResults ?? MAX_RESULTS,
      after: fromToken(NextToken),
    });
    return { Providers: page.items.map(providerDescription), ...(page.next ? { NextToken: toToken(page.next) } : {}) };
  };
