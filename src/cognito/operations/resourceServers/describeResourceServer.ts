import type {
  DescribeResourceServerRequest,
  DescribeResourceServerResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { resourceServerToApi } from '../../model/resourceServer.js';
import { checkServerKey, requireResourceServer } from './resourceServerChecks.js';

export const DescribeResourceServer =
  ({ store }: Pick<Deps, 'store'>): Operation<DescribeResourceServerRequest, DescribeResourceServerResponse> =>
  async (_ctx, { UserPoolId, Identifier }) => {
    checkServerKey(UserPoolId!, Identifier!).throwIfAny();
    await requirePool(store, UserPoolId!);
    return { ResourceServer: resourceServerToApi(await requireResourceServer(store, UserPoolId!, Identifier!)) };
  };
