import type { IdentityProviderType } from '@aws-sdk/client-cognito-identity-provider';
import type { Store, Transaction } from '../../../store/store.js';
import { Constraints } from '../../constraints.js';
import { DuplicateProviderException, ResourceNotFoundException } from '../../errors.js';
import { identityProviderToApi, identityProviders, type IdentityProviderRecord } from '../../model/identityProvider.js';
import { checkUserPoolId } from '../pools/poolSettings.js';

// What the identity-provider operations share. Constraints are the model's (botocore cognito-idp 2016-04-18
// service-2.json: ProviderNameTypeV2 for new names, ProviderNameType for existing ones, IdpIdentifiersListType,
// IdpIdentifierType, AttributeMappingKeyType, ListProvidersLimitType).

/** A new provider's name: no leading or trailing underscore or space, so at least three characters in effect. */
const NEW_NAME = '[^_\\p{Z}][\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}][^_\\p{Z}]+';
const NAME = '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\p{Z}]+';
const IDENTIFIER = '[\\w\\s+=.@-]+';

/** The pool id and (existing) provider name of Describe, Update and Delete. */
export function checkProviderKey(userPoolId: string, providerName: string): Constraints {
  return checkUserPoolId(userPoolId)
    .length('providerName', providerName, 1, 32)
    .pattern('providerName', providerName, NAME);
}

export function checkNewProviderName(providerName: string, c: Constraints): Constraints {
  return c.length('providerName', providerName, 1, 32).pattern('providerName', providerName, NEW_NAME);
}

export function checkIdpIdentifier(path: string, identifier: string | undefined, c: Constraints): Constraints {
  return c.length(path, identifier, 1, 40).pattern(path, identifier, IDENTIFIER);
}

/** AttributeMapping keys are user-pool attribute names of 1..32 characters; IdpIdentifiers at most 50. */
export function checkMappingAndIdentifiers(
  mapping: Record<string, string> | undefined,
  identifiers: string[] | undefined,
  c: Constraints,
): Constraints {
  Object.keys(mapping ?? {}).forEach((key) => c.length('attributeMapping', key, 1, 32));
  c.length('idpIdentifiers', identifiers, 0, 50);
  identifiers?.forEach((id, i) => checkIdpIdentifier(`idpIdentifiers.${i + 1}.member`, id, c));
  return c;
}

/**
 * An identifier names one provider in a pool: a repeat within the request, or one another provider already has,
 * is a DuplicateProviderException, worded as AWS words a taken provider name.
 */
export async function checkIdentifiersFree(
  store: Store,
  userPoolId: string,
  providerName: string,
  identifiers: string[] | undefined,
): Promise<void> {
  const table = store.table(identityProviders);
  const seen = new Set<string>();
  for (const id of identifiers ?? []) {
    const owner = (await table.findOne('byIdentifier', [userPoolId, id]))?.ProviderName;
    if (seen.has(id) || (owner !== undefined && owner !== providerName)) {
      throw new DuplicateProviderException(`${id} already exists in user pool ${userPoolId}.`);
    }
    seen.add(id);
  }
}

export async function requireProvider(
  store: Store,
  userPoolId: string,
  providerName: string,
  tx?: Transaction,
): Promise<IdentityProviderRecord> {
  const table = store.table(identityProviders);
  const provider = tx ? await tx.get(table, [userPoolId, providerName]) : await table.get([userPoolId, providerName]);
  // AWS documents no wording; this one names the provider as the pool's not-found message names the pool.
  if (!provider) throw new ResourceNotFoundException(`Identity provider ${providerName} does not exist.`);
  return provider;
}

/**
 * Create and Update answer IdpIdentifiers only when the request carried them (floci-io/floci#2858, checked
 * against the live service); Describe always does.
 */
export function withRequestedIdentifiers(
  provider: IdentityProviderRecord,
  requested: string[] | undefined,
): IdentityProviderType {
  const { IdpIdentifiers, ...rest } = identityProviderToApi(provider);
  return requested ? { ...rest, IdpIdentifiers } : rest;
}
