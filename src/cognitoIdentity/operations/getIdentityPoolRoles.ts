import type { GetIdentityPoolRolesInput, GetIdentityPoolRolesResponse } from '@aws-sdk/client-cognito-identity';
import type { CognitoIdentityDeps } from '../deps.js';
import { findPool } from '../model/identityPool.js';

/** GetIdentityPoolRoles: RoleMappings only when the pool has some (awscli examples get-identity-pool-roles.rst). */
export function GetIdentityPoolRoles({ store }: Pick<CognitoIdentityDeps, 'store'>) {
  return async (input: GetIdentityPoolRolesInput, region: string): Promise<GetIdentityPoolRolesResponse> => {
    const pool = await findPool(store, region, input.IdentityPoolId!);
    return {
      IdentityPoolId: pool.IdentityPoolId,
      Roles: pool.Roles,
      ...(Object.keys(pool.RoleMappings).length ? { RoleMappings: pool.RoleMappings } : {}),
    };
  };
}
