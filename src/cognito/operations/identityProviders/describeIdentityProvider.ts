import type {
  DescribeIdentityProviderRequest,
  DescribeIdentityProviderResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { identityProviderToApi } from '../../model/identityProvider.js';
import { checkProviderKey, requireProvider } from './providerChecks.js';

export const DescribeIdentityProvider =
  ({ store }: Pick<Deps, 'store'>): Operation<DescribeIdentityProviderRequest, DescribeIdentityProviderResponse> =>
  async (_ctx, { UserPoolId, ProviderName }) => {
    checkProviderKey(UserPoolId!, ProviderName!).throwIfAny();
    await requirePool(store, UserPoolId!);
    return { IdentityProvider: identityProviderToApi(await requireProvider(store, UserPoolId!, ProviderName!)) };
  };
