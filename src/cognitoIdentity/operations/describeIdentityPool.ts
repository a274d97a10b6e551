import type { DescribeIdentityPoolInput, IdentityPool } from '@aws-sdk/client-cognito-identity';
import type { CognitoIdentityDeps } from '../deps.js';
import { findPool, poolToApi } from '../model/identityPool.js';

export function DescribeIdentityPool({ store }: Pick<CognitoIdentityDeps, 'store'>) {
  return async (input: DescribeIdentityPoolInput, region: string): Promise<IdentityPool> =>
    poolToApi(await findPool(store, region, input.IdentityPoolId!));
}
