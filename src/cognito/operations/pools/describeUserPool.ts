import type { DescribeUserPoolRequest, DescribeUserPoolResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { poolStats, userPoolToApi } from '../../model/userPool.js';
import { checkUserPoolId } from './poolSettings.js';

export const DescribeUserPool =
  ({ store }: Pick<Deps, 'store'>): Operation<DescribeUserPoolRequest, DescribeUserPoolResponse> =>
  async (_ctx, { UserPoolId }) => {
    checkUserPoolId(UserPoolId!).throwIfAny();
    const pool = await requirePool(store, UserPoolId!);
    const stats = await store.table(poolStats).get([pool.Id]);
    return { UserPool: userPoolToApi(pool, stats?.users ?? 0) };
  };
