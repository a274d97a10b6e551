import type {
  UpdateIdentityProviderRequest as Request,
  UpdateIdentityProviderResponse as Response,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { identityProviders, type IdentityProviderRecord } from '../../model/identityProvider.js';
import {
  checkIdentifiersFree,
  checkMappingAndIdentifiers,
  checkProviderKey,
  requireProvider,
  withRequestedIdentifiers,
} from './providerChecks.js';
import { attributeMappingWithDefaults, checkProviderDetails, providerDetailsWithDefaults } from './providerTypes.js';

/**
 * Members the request leaves out keep their values. ProviderDetails given are laid over the stored ones (so a
 * secret can be rotated alone) and checked again as for a new provider of the same type.
 */
export const UpdateIdentityProvider =
  ({ store, clock }: Pick<Deps, 'store' | 'clock'>): Operation<Request, Response> =>
  async (_ctx, { UserPoolId, ProviderName, ProviderDetails, AttributeMapping, IdpIdentifiers, AcrMapping }) => {
    const c = checkProviderKey(UserPoolId!, ProviderName!);
    checkMappingAndIdentifiers(AttributeMapping, IdpIdentifiers, c).throwIfAny();
    const provider = await store.transact(UserPoolId!, async (tx) => {
      await requirePool(store, UserPoolId!);
      const stored = await requireProvider(store, UserPoolId!, ProviderName!, tx);
      const type = stored.ProviderType!;
      const details = { ...stored.ProviderDetails, ...ProviderDetails };
      checkProviderDetails(type, details);
      await checkIdentifiersFree(store, UserPoolId!, ProviderName!, IdpIdentifiers);
      const mapping = AttributeMapping ? attributeMappingWithDefaults(type, AttributeMapping) : stored.AttributeMapping;
      const record: IdentityProviderRecord = {
        ...stored,
        ProviderDetails: providerDetailsWithDefaults(type, details),
        ...(mapping ? { AttributeMapping: mapping } : {}),
        ...(IdpIdentifiers ? { IdpIdentifiers } : {}),
        ...(AcrMapping ? { AcrMapping } : {}),
        LastModifiedDate: clock.now().getTime(),
      };
      await tx.put(store.table(identityProviders), record);
      return record;
    });
    return { IdentityProvider: withRequestedIdentifiers(provider, IdpIdentifiers) };
  };
