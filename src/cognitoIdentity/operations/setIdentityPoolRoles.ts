import type { RoleMapping, SetIdentityPoolRolesInput } from '@aws-sdk/client-cognito-identity';
import { poolLock } from '../access.js';
import type { CognitoIdentityDeps } from '../deps.js';
import { invalidParameter } from '../errors.js';
import { findPool, identityPools, type IdentityPoolRecord } from '../model/identityPool.js';

/**
 * SetIdentityPoolRoles: the pool's authenticated/unauthenticated roles and role mappings, replaced as a whole. A
 * mapping's key must be a provider the pool lists (`<provider>` or, for a user pool, `<provider>:<clientId>`;
 * "<key> is not a valid RoleMapping ProviderName or is not a configured provider.", aws-cdk#22951); Rules needs
 * RulesConfiguration and both types need AmbiguousRoleResolution (API reference, RoleMapping: "Required if you
 * specify Token or Rules as the Type").
 */
export function SetIdentityPoolRoles({ store }: Pick<CognitoIdentityDeps, 'store'>) {
  return async (input: SetIdentityPoolRolesInput, region: string): Promise<Record<string, never>> => {
    await store.transact(poolLock(input.IdentityPoolId!), async (tx) => {
      const pool = await findPool(store, region, input.IdentityPoolId!);
      const RoleMappings = input.RoleMappings ?? {};
      for (const [key, mapping] of Object.entries(RoleMappings)) checkMapping(pool, key, mapping);
      await tx.put(store.table(identityPools), { ...pool, Roles: input.Roles!, RoleMappings });
    });
    return {};
  };
}

function checkMapping(pool: IdentityPoolRecord, key: string, mapping: RoleMapping): void {
  const configured = [
    ...(pool.CognitoIdentityProviders ?? []).flatMap((p) => [p.ProviderName, ...(p.ClientId ? [`${p.ProviderName}:${p.ClientId}`] : [])]),
    ...Object.keys(pool.SupportedLoginProviders ?? {}),
    ...(pool.OpenIdConnectProviderARNs ?? []),
    ...(pool.SamlProviderARNs ?? []),
  ];
  if (!configured.includes(key)) throw invalidParameter(`${key} is not a valid RoleMapping ProviderName or is not a configured provider.`);
  if (mapping.AmbiguousRoleResolution === undefined) {
    throw invalidParameter(`AmbiguousRoleResolution must be specified for the ${mapping.Type} role mapping of ${key}.`);
  }
  if (mapping.Type === 'Rules' && !mapping.RulesConfiguration) {
    throw invalidParameter(`RulesConfiguration must be specified for the Rules role mapping of ${key}.`);
  }
}
