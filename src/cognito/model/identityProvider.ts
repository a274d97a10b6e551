import type { IdentityProviderType, ProviderDescription } from '@aws-sdk/client-cognito-identity-provider';
import type { TableSpec } from '../../store/store.js';

export type IdentityProviderRecord = Omit<IdentityProviderType, 'CreationDate' | 'LastModifiedDate'> & {
  UserPoolId: string;
  ProviderName: string;
  ProviderDetails: Record<string, string>;
  CreationDate: number;
  LastModifiedDate: number;
};

/** `byIdentifier` serves GetIdentityProviderByIdentifier and keeps identifiers unique within a pool. */
export const identityProviders: TableSpec<IdentityProviderRecord> = {
  name: 'identityProviders',
  cache: true,
  key: (p) => [p.UserPoolId, p.ProviderName],
  indexes: { byIdentifier: (p) => (p.IdpIdentifiers ?? []).map((id) => [p.UserPoolId, id]) },
};

/**
 * The provider as Describe answers it. Sign in with Apple's `private_key` is kept (sign-in needs it) but never
 * shown: the "Describe response" for SignInWithApple in the ProviderDetails reference lists every key but that one.
 */
export function identityProviderToApi(provider: IdentityProviderRecord): IdentityProviderType {
  const { private_key: _hidden, ...details } = provider.ProviderDetails;
  return {
    ...provider,
    ProviderDetails: details,
    AttributeMapping: provider.AttributeMapping ?? {},
    IdpIdentifiers: provider.IdpIdentifiers ?? [],
    CreationDate: new Date(provider.CreationDate),
    LastModifiedDate: new Date(provider.LastModifiedDate),
  };
}

/** What ListIdentityProviders shows of each provider. */
export function providerDescription(provider: IdentityProviderRecord): ProviderDescription {
  return {
    ProviderName: provider.ProviderName,
    ProviderType: provider.ProviderType,
    LastModifiedDate: new Date(provider.LastModifiedDate),
    CreationDate: new Date(provider.CreationDate),
  };
}
