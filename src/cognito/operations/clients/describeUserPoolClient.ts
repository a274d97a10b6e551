import type { DescribeUserPoolClientRequest, DescribeUserPoolClientResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requireClient, requirePool } from '../../lookup.js';
import { userPoolClientToApi } from '../../model/client.js';
import { checkClientKey } from './clientChecks.js';

/** The whole client, its secret included (as AWS returns it here). */
export const DescribeUserPoolClient =
  ({ store }: Pick<Deps, 'store'>): Operation<DescribeUserPoolClientRequest, DescribeUserPoolClientResponse> =>
  async (_ctx, { UserPoolId, ClientId }) => {
    checkClientKey(UserPoolId!, ClientId!).throwIfAny();
    await requirePool(store, UserPoolId!);
    return { UserPoolClient: userPoolClientToApi(await requireClient(store, UserPoolId!, ClientId!)) };
  };
