import type { TagResourceRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { InvalidParameterException } from '../../errors.js';
import { userPools } from '../../model/userPool.js';
import { MAX_TAGS, checkResourceArn, checkTagKeys, poolIdOf, requireTaggedPool } from './poolArn.js';

/** Adds tags, replacing the value of a key the pool already has. */
export const TagResource =
  ({ store }: Pick<Deps, 'store'>): Operation<TagResourceRequest, Record<string, never>> =>
  async (_ctx, { ResourceArn, Tags }) => {
    const c = checkTagKeys('tags', Object.keys(Tags!), checkResourceArn(ResourceArn!));
    Object.values(Tags!).forEach((value) => c.length('tags', value, 0, 256));
    c.throwIfAny();
    await store.transact(poolIdOf(ResourceArn!), async (tx) => {
      const pool = await requireTaggedPool(store, ResourceArn!);
      const UserPoolTags = { ...pool.UserPoolTags, ...Tags };
      // The limit is documented; AWS's wording for passing it is not.
      if (Object.keys(UserPoolTags).length > MAX_TAGS) {
        throw new InvalidParameterException(`A user pool can have as many as ${MAX_TAGS} tags.`);
      }
      await tx.put(store.table(userPools), { ...pool, UserPoolTags });
    });
    return {};
  };
