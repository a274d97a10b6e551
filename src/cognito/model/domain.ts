import type { DomainDescriptionType } from '@aws-sdk/client-cognito-identity-provider';
import type { TableSpec } from '../../store/store.js';

export type UserPoolDomainRecord = DomainDescriptionType & { UserPoolId: string; Domain: string };

/** Domains are unique across all pools: `byDomain` is the uniqueness check and the lookup. */
export const userPoolDomains: TableSpec<UserPoolDomainRecord> = {
  name: 'domains',
  key: (d) => [d.UserPoolId, d.Domain],
  indexes: { byDomain: (d) => [[d.Domain]] },
};
