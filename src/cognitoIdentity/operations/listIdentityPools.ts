import type { ListIdentityPoolsInput, ListIdentityPoolsResponse } from '@aws-sdk/client-cognito-identity';
import type { CognitoIdentityDeps } from '../deps.js';
import { identityPools } from '../model/identityPool.js';
import { nextToken } from '../../cognito/pagination.js';
import { fromToken } from '../pagination.js';

/** ListIdentityPools: the region's pools, MaxResults (1-60, required) at a time, in id order. */
export function ListIdentityPools({ store }: Pick<CognitoIdentityDeps, 'store'>) {
  return async (input: ListIdentityPoolsInput, region: string): Promise<ListIdentityPoolsResponse> => {
    const page = await store.table(identityPools).list([], { limit: input.MaxResults!, partial: `${region}:`, after: fromToken(input.NextToken) });
    return {
      IdentityPools: page.items.map((p) => ({ IdentityPoolId: p.IdentityPoolId, IdentityPoolName: p.IdentityPoolName })),
      ...nextToken(page),
    };
  };
}
