import type { DeleteIdentityPoolInput } from '@aws-sdk/client-cognito-identity';
import { poolLock } from '../access.js';
import type { CognitoIdentityDeps } from '../deps.js';
import { identities } from '../model/identity.js';
import { findPool, identityPools } from '../model/identityPool.js';

/**
 * DeleteIdentityPool: the pool and its identities go ("Once a pool is deleted, users will not be able to
 * authenticate with the pool", API reference). Credentials already issued keep working until they expire, as
 * STS credentials do.
 */
export function DeleteIdentityPool({ store }: Pick<CognitoIdentityDeps, 'store'>) {
  return async (input: DeleteIdentityPoolInput, region: string): Promise<Record<string, never>> => {
    const pool = await findPool(store, region, input.IdentityPoolId!);
    await store.transact(poolLock(pool.IdentityPoolId), async (tx) => {
      await tx.delete(store.table(identityPools), pool);
    });
    // The pool first, then its identities (unreachable once the pool is gone), as Store.purge expects.
    const table = store.table(identities);
    for (;;) {
      const { items } = await table.findBy('byPool', [pool.IdentityPoolId], { limit: 500 });
      if (!items.length) break;
      await store.transact(poolLock(pool.IdentityPoolId), async (tx) => {
        for (const identity of items) await tx.delete(table, identity);
      });
    }
    return {};
  };
}
