import type { DeleteIdentitiesInput, DeleteIdentitiesResponse } from '@aws-sdk/client-cognito-identity';
import { poolLock } from '../access.js';
import type { CognitoIdentityDeps } from '../deps.js';
import { findIdentity, identities } from '../model/identity.js';

/**
 * DeleteIdentities: up to 60 identities, in any pool of the region; ids that name no identity are passed over
 * (UnprocessedIdentityIds lists only what failed on AWS's side: AccessDenied, InternalServerError).
 */
export function DeleteIdentities({ store }: Pick<CognitoIdentityDeps, 'store'>) {
  return async (input: DeleteIdentitiesInput, region: string): Promise<DeleteIdentitiesResponse> => {
    const table = store.table(identities);
    for (const id of input.IdentityIdsToDelete!) {
      const identity = await findIdentity(store, region, id);
      if (!identity) continue;
      await store.transact(poolLock(identity.IdentityPoolId), (tx) => tx.delete(table, identity));
    }
    return { UnprocessedIdentityIds: [] };
  };
}
