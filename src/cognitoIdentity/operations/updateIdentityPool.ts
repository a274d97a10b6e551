import type { IdentityPool } from '@aws-sdk/client-cognito-identity';
import { poolLock } from '../access.js';
import type { CognitoIdentityDeps } from '../deps.js';
import { findPool, identityPools, poolToApi, type IdentityPoolRecord } from '../model/identityPool.js';
import { poolSettings } from '../model/poolSettings.js';

/** UpdateIdentityPool: the settings are replaced as given; roles stay, and tags stay unless new ones are given. */
export function UpdateIdentityPool({ store }: Pick<CognitoIdentityDeps, 'store'>) {
  return async (input: IdentityPool, region: string): Promise<IdentityPool> =>
    store.transact(poolLock(input.IdentityPoolId!), async (tx) => {
      const current = await findPool(store, region, input.IdentityPoolId!);
      const tags = input.IdentityPoolTags ?? current.IdentityPoolTags;
      const updated: IdentityPoolRecord = {
        IdentityPoolId: current.IdentityPoolId,
        ...poolSettings(input),
        ...(tags ? { IdentityPoolTags: tags } : {}),
        Roles: current.Roles,
        RoleMappings: current.RoleMappings,
      };
      await tx.put(store.table(identityPools), updated);
      return poolToApi(updated);
    });
}
