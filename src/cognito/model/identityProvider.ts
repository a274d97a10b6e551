import type { IdentityProviderType } from '@aws-sdk/client-cognito-identity-provider';
import type { TableSpec } from '../../store/store.js';

export type IdentityProviderRecord = Omit<IdentityProviderType, 'CreationDate' | 'LastModifiedDate'> & {
  UserPoolId: string;
  ProviderName: string;
  CreationDate: number;
  LastModifiedDate: number;
};

/** `byIdentifier` serves GetIdentityProviderByIdentifier and keeps identifiers unique within a pool. */
export const identityProviders: TableSpec<IdentityProviderRecord> = {
  name: 'identityProviders',
  key: (p) => [p.UserPoolId, p.ProviderName],
  indexes: { byIdentifier: (p) => (p.IdpIdentifiers ?? []).map((id) => [p.UserPoolId, id]) },
};

export function identityProviderToApi(provider: IdentityProviderRecord): IdentityProviderType {
  return {
    ...provider,
    CreationDate: new Date(provider.CreationDate),
    LastModifiedDate: new Date(provider.LastModifiedDate),
  };
}
