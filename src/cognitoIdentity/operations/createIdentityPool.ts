import { randomUUID } from 'node:crypto';
import type { CreateIdentityPoolInput, IdentityPool } from '@aws-sdk/client-cognito-identity';
import type { CognitoIdentityDeps } from '../deps.js';
import { identityPools, poolToApi, type IdentityPoolRecord } from '../model/identityPool.js';
import { poolSettings } from '../model/poolSettings.js';

/** CreateIdentityPool: a new pool in the call's region, id `<region>:<uuid>`; names need not be unique (AWS API reference). */
export function CreateIdentityPool({ store }: Pick<CognitoIdentityDeps, 'store'>) {
  return async (input: CreateIdentityPoolInput, region: string): Promise<IdentityPool> => {
    const pool: IdentityPoolRecord = {
      IdentityPoolId: `${region}:${randomUUID()}`,
      ...poolSettings(input),
      ...(input.IdentityPoolTags ? { IdentityPoolTags: input.IdentityPoolTags } : {}),
      Roles: {},
      RoleMappings: {},
    };
    await store.transact(`identityPool\0${pool.IdentityPoolId}`, (tx) => tx.put(store.table(identityPools), pool));
    return poolToApi(pool);
  };
}
