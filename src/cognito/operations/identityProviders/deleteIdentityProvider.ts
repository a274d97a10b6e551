import type { DeleteIdentityProviderRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { identityProviders } from '../../model/identityProvider.js';
import { checkProviderKey, requireProvider } from './providerChecks.js';

/** The provider's identifiers go with it (their index entries are deleted in the same batch). */
export const DeleteIdentityProvider =
  ({ store }: Pick<Deps, 'store'>): Operation<DeleteIdentityProviderRequest, Record<string, never>> =>
  async (_ctx, { UserPoolId, ProviderName }) => {
    checkProviderKey(UserPoolId!, ProviderName!).throwIfAny();
    await store.transact(UserPoolId!, async (tx) => {
      await requirePool(store, UserPoolId!);
      await tx.delete(store.table(identityProviders), await requireProvider(store, UserPoolId!, ProviderName!, tx));
    });
    return {};
  };
