import type {
  ListIdentityProvidersRequest,
  ListIdentityProvidersResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { identityProviders, providerDescription } from '../../model/identityProvider.js';
import { checkPaging, listPage, nextToken } from '../../pagination.js';
import { checkUserPoolId } from '../pools/poolSettings.js';

/** MaxResults is 1..60 (ListProvidersLimitType) and optional; without it a page is the maximum, 60. */
const MAX_RESULTS = 60;

/** Names, types and dates only, in name order (the store's key order); a page costs O(MaxResults). */
export const ListIdentityProviders =
  ({ store }: Pick<Deps, 'store'>): Operation<ListIdentityProvidersRequest, ListIdentityProvidersResponse> =>
  async (_ctx, { UserPoolId, MaxResults, NextToken }) => {
    checkPaging(
      checkUserPoolId(UserPoolId!),
      { name: 'maxResults', value: MaxResults, min: 1, max: MAX_RESULTS },
      { name: 'nextToken', value: NextToken },
    ).throwIfAny();
    await requirePool(store, UserPoolId!);
    const page = await listPage(store.table(identityProviders), [UserPoolId!], MaxResults ?? MAX_RESULTS, NextToken);
    return { Providers: page.items.map(providerDescription), ...nextToken(page) };
  };
