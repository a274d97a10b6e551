import type {
  ListTagsForResourceRequest,
  ListTagsForResourceResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { checkResourceArn, requireTaggedPool } from './poolArn.js';

export const ListTagsForResource =
  ({ store }: Pick<Deps, 'store'>): Operation<ListTagsForResourceRequest, ListTagsForResourceResponse> =>
  async (_ctx, { ResourceArn }) => {
    checkResourceArn(ResourceArn!).throwIfAny();
    const pool = await requireTaggedPool(store, ResourceArn!);
    return { Tags: pool.UserPoolTags ?? {} };
  };
