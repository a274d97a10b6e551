import type { ListUserPoolsRequest, ListUserPoolsResponse } from '@aws-sdk/client-cognito-identity-provider';
import { Constraints } from '../../constraints.js';
import type { Deps, Operation } from '../../deps.js';
import { userPools } from '../../model/userPool.js';
import { checkPaging, fromToken, nextToken } from '../../pagination.js';

/** Pools of the caller's region only, as AWS lists them; a page costs O(MaxResults). */
export const ListUserPools =
  ({ store }: Pick<Deps, 'store'>): Operation<ListUserPoolsRequest, ListUserPoolsResponse> =>
  async (ctx, { MaxResults, NextToken }) => {
    checkPaging(
      new Constraints(),
      { name: 'maxResults', value: MaxResults, min: 1, max: 60 },
      { name: 'nextToken', value: NextToken },
    ).throwIfAny();
    const page = await store.table(userPools).list([], {
      limit: MaxResults!,
      partial: `${ctx.region}_`,
      after: fromToken(NextToken),
    });
    return {
      UserPools: page.items.map((pool) => ({
        Id: pool.Id,
        Name: pool.Name,
        LambdaConfig: pool.LambdaConfig ?? {},
        LastModifiedDate: new Date(pool.LastModifiedDate),
        CreationDate: new Date(pool.CreationDate),
      })),
      ...nextToken(page),
    };
  };
