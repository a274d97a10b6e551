import type { IdentityPool, RoleMapping } from '@aws-sdk/client-cognito-identity';
import type { Store, TableSpec } from '../../store/store.js';
import { poolNotFound } from '../errors.js';

/** An identity pool as stored: its settings as the API shows them, and its roles (SetIdentityPoolRoles). */
export interface IdentityPoolRecord extends IdentityPool {
  IdentityPoolId: string;
  IdentityPoolName: string;
  AllowUnauthenticatedIdentities: boolean;
  Roles: Record<string, string>;
  RoleMappings: Record<string, RoleMapping>;
}

// Keyed by id alone: an id starts with the pool's region (`us-east-1:<uuid>`), so a region's pools are a prefix.
export const identityPools: TableSpec<IdentityPoolRecord> = { name: 'identityPools', key: (p) => [p.IdentityPoolId], cache: true };

/** Pools are regional, as on AWS: a region's endpoint does not know another region's pools. */
export async function findPool(store: Store, region: string, id: string): Promise<IdentityPoolRecord> {
  const pool = id.startsWith(`${region}:`) ? await store.table(identityPools).get([id]) : undefined;
  if (!pool) throw poolNotFound(id);
  return pool;
}

// Create, Describe and Update answer the pool's settings; members never set are left out, as AWS leaves them out
// (awscli/examples/cognito-identity/describe-identity-pool.rst answers no SupportedLoginProviders, tags and so on).
export function poolToApi(pool: IdentityPoolRecord): IdentityPool {
  const { Roles: _roles, RoleMappings: _mappings, ...settings } = pool;
  return settings;
}
