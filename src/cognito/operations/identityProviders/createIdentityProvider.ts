import type {
  CreateIdentityProviderRequest as Request,
  CreateIdentityProviderResponse as Response,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { DuplicateProviderException } from '../../errors.js';
import { requirePool } from '../../lookup.js';
import { identityProviders, type IdentityProviderRecord } from '../../model/identityProvider.js';
import { checkUserPoolId } from '../pools/poolSettings.js';
import {
  checkIdentifiersFree,
  checkMappingAndIdentifiers,
  checkNewProviderName,
  withRequestedIdentifiers,
} from './providerChecks.js';
import {
  PROVIDER_TYPES,
  attributeMappingWithDefaults,
  checkProviderDetails,
  checkProviderName,
  providerDetailsWithDefaults,
} from './providerTypes.js';

export const CreateIdentityProvider =
  ({ store, clock }: Pick<Deps, 'store' | 'clock'>): Operation<Request, Response> =>
  async (_ctx, request) => {
    const { UserPoolId, ProviderName, ProviderType, ProviderDetails, AttributeMapping, IdpIdentifiers, AcrMapping } = request;
    const c = checkNewProviderName(ProviderName!, checkUserPoolId(UserPoolId!));
    checkMappingAndIdentifiers(AttributeMapping, IdpIdentifiers, c)
      .oneOf('providerType', ProviderType, PROVIDER_TYPES)
      .throwIfAny();
    const provider = await store.transact(UserPoolId!, async (tx) => {
      await requirePool(store, UserPoolId!);
      checkProviderName(ProviderName!, ProviderType!);
      checkProviderDetails(ProviderType!, ProviderDetails!);
      const table = store.table(identityProviders);
      // CloudTrail shows AWS's answer as "<ProviderName> already exists in user pool <userPoolId>"
      // (aws-cloudformation/cloudformation-coverage-roadmap#1287).
      if (await tx.get(table, [UserPoolId!, ProviderName!])) {
        throw new DuplicateProviderException(`${ProviderName} already exists in user pool ${UserPoolId}.`);
      }
      await checkIdentifiersFree(store, UserPoolId!, ProviderName!, IdpIdentifiers);
      const now = clock.now().getTime();
      const mapping = attributeMappingWithDefaults(ProviderType!, AttributeMapping);
      const record: IdentityProviderRecord = {
        UserPoolId: UserPoolId!,
        ProviderName: ProviderName!,
        ProviderType: ProviderType!,
        ProviderDetails: providerDetailsWithDefaults(ProviderType!, ProviderDetails!),
        ...(mapping ? { AttributeMapping: mapping } : {}),
        ...(IdpIdentifiers ? { IdpIdentifiers } : {}),
        ...(AcrMapping ? { AcrMapping } : {}),
        LastModifiedDate: now,
        CreationDate: now,
      };
      await tx.put(table, record);
      return record;
    });
    return { IdentityProvider: withRequestedIdentifiers(provider, IdpIdentifiers) };
  };
