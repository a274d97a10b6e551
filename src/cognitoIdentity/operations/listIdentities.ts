import type { ListIdentitiesInput, ListIdentitiesResponse } from '@aws-sdk/client-cognito-identity';
import type { CognitoIdentityDeps } from '../deps.js';
import { identities, identityToApi } from '../model/identity.js';
import { findPool } from '../model/identityPool.js';
import { nextToken } from '../../cognito/pagination.js';
import { fromToken } from '../pagination.js';

/** ListIdentities: a pool's identities, MaxResults (1-60, required) at a time. cogniform never disables one, so HideDisabled changes nothing. */
export function ListIdentities({ store }: Pick<CognitoIdentityDeps, 'store'>) {
  return async (input: ListIdentitiesInput, region: string): Promise<ListIdentitiesResponse> => {
    const pool = await findPool(store, region, input.IdentityPoolId!);
    const page = await store.table(identities).findBy('byPool', [pool.IdentityPoolId], { limit: input.MaxResults!, after: fromToken(input.NextToken) });
    return {
      IdentityPoolId: pool.IdentityPoolId,
      Identities: page.items.map(identityToApi),
      ...nextToken(page),
    };
  };
}
