import type {
  GetUserPoolMfaConfigRequest,
  GetUserPoolMfaConfigResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { checkUserPoolId } from '../pools/poolSettings.js';
import { poolMfaConfig } from './poolMfa.js';

export const GetUserPoolMfaConfig =
  ({ store }: Pick<Deps, 'store'>): Operation<GetUserPoolMfaConfigRequest, GetUserPoolMfaConfigResponse> =>
  async (_ctx, { UserPoolId }) => {
    checkUserPoolId(UserPoolId!).throwIfAny();
    return poolMfaConfig(await requirePool(store, UserPoolId!));
  };
