import type { CreateIdentityPoolInput, IdentityPool } from '@aws-sdk/client-cognito-identity';
import type { Store } from '../../store/store.js';
import { poolLock } from '../access.js';
import type { CognitoIdentityDeps, IdentityCallOptions } from '../deps.js';
import { invalidParameter } from '../errors.js';
import { isRegionalId, regionalId } from '../ids.js';
import { identityPools, poolToApi, type IdentityPoolRecord } from '../model/identityPool.js';
import { poolSettings } from '../model/poolSettings.js';

/**
 * CreateIdentityPool: a new pool in the call's region, id `<region>:<uuid>`; names need not be unique (AWS API
 * reference). A template's create passes the id it recorded beforehand (`pinnedId`, ../deps.ts), never a client.
 */
export function CreateIdentityPool(deps: Pick<CognitoIdentityDeps, 'store' | 'ids'>) {
  const { store } = deps;
  return async (input: CreateIdentityPoolInput, region: string, options?: IdentityCallOptions): Promise<IdentityPool> => {
    const pinned = options?.pinnedId;
    const pool: IdentityPoolRecord = {
      IdentityPoolId: pinned ?? regionalId(deps, region),
      ...poolSettings(input),
      ...(input.IdentityPoolTags ? { IdentityPoolTags: input.IdentityPoolTags } : {}),
      Roles: {},
      RoleMappings: {},
    };
    await store.transact(poolLock(pool.IdentityPoolId), async (tx) => {
      if (pinned !== undefined) await checkPinned(store, region, pinned);
      await tx.put(store.table(identityPools), pool);
    });
    return poolToApi(pool);
  };
}

/** A pinned id must look like one of this region's pool ids and be free (a create repeated after a crash finds it taken). */
async function checkPinned(store: Store, region: string, id: string): Promise<void> {
  if (!isRegionalId(id, region)) {
    throw invalidParameter(`The pinned identity pool id ${id} must be ${region}: followed by lowercase hex digits and dashes (a UUID).`);
  }
  if (await store.table(identityPools).get([id])) throw invalidParameter(`An identity pool with the pinned id ${id} already exists.`);
}
