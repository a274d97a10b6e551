import type { UntagResourceRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { userPools } from '../../model/userPool.js';
import { checkResourceArn, checkTagKeys, poolIdOf, requireTaggedPool } from './poolArn.js';

/** Keys the pool does not have are ignored. */
export const UntagResource =
  ({ store }: Pick<Deps, 'store'>): Operation<UntagResourceRequest, Record<string, never>> =>
  async (_ctx, { ResourceArn, TagKeys }) => {
    checkTagKeys('tagKeys', TagKeys!, checkResourceArn(ResourceArn!)).throwIfAny();
    await store.transact(poolIdOf(ResourceArn!), async (tx) => {
      const pool = await requireTaggedPool(store, ResourceArn!);
      const UserPoolTags = Object.fromEntries(
        Object.entries(pool.UserPoolTags ?? {}).filter(([key]) => !TagKeys!.includes(key)),
      );
      await tx.put(store.table(userPools), { ...pool, UserPoolTags });
    });
    return {};
  };
