import type { DomainDescriptionType } from '@aws-sdk/client-cognito-identity-provider';
import type { TableSpec } from '../../store/store.js';

/**
 * A user-pool domain as stored: exactly the DomainDescription AWS returns for it. A prefix domain (`myprefix`,
 * served as `myprefix.auth.<region>.amazoncognito.com`) has an empty CustomDomainConfig; a custom domain
 * (`auth.example.com`) has its certificate there.
 */
export type UserPoolDomainRecord = DomainDescriptionType & { UserPoolId: string; Domain: string };

/** Domains are unique across all pools: `byDomain` is the uniqueness check and the lookup. */
export const userPoolDomains: TableSpec<UserPoolDomainRecord> = {
  name: 'domains',
  cache: true,
  key: (d) => [d.UserPoolId, d.Domain],
  indexes: { byDomain: (d) => [[d.Domain]] },
};

export function isCustomDomain(domain: UserPoolDomainRecord): boolean {
  return domain.CustomDomainConfig?.CertificateArn !== undefined;
}

export function userPoolDomainToApi(domain: UserPoolDomainRecord): DomainDescriptionType {
  return { ...domain };
}
