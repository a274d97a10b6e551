import type {
  GetIdentityProviderByIdentifierRequest as Request,
  GetIdentityProviderByIdentifierResponse as Response,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { ResourceNotFoundException } from '../../errors.js';
import { requirePool } from '../../lookup.js';
import { identityProviderToApi, identityProviders } from '../../model/identityProvider.js';
import { checkUserPoolId } from '../pools/poolSettings.js';
import { checkIdpIdentifier } from './providerChecks.js';

/** One index lookup: identifiers are unique within a pool. */
export const GetIdentityProviderByIdentifier =
  ({ store }: Pick<Deps, 'store'>): Operation<Request, Response> =>
  async (_ctx, { UserPoolId, IdpIdentifier }) => {
    checkIdpIdentifier('idpIdentifier', IdpIdentifier!, checkUserPoolId(UserPoolId!)).throwIfAny();
    await requirePool(store, UserPoolId!);
    const provider = await store.table(identityProviders).findOne('byIdentifier', [UserPoolId!, IdpIdentifier!]);
    if (!provider) {
      // AWS documents no wording; this one names what was asked for.
      throw new ResourceNotFoundException(`Identity provider with identifier ${IdpIdentifier} does not exist.`);
    }
    return { IdentityProvider: identityProviderToApi(provider) };
  };
