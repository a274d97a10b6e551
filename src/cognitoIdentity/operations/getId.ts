import type { GetIdInput, GetIdResponse } from '@aws-sdk/client-cognito-identity';
import { linkedIdentity, poolLock } from '../access.js';
import type { CognitoIdentityDeps } from '../deps.js';
import { unauthenticatedNotSupported } from '../errors.js';
import { regionalId } from '../ids.js';
import { verifyLogins } from '../logins.js';
import { identities, type IdentityRecord } from '../model/identity.js';
import { findPool } from '../model/identityPool.js';

/**
 * GetId: with logins, the identity those logins are linked to (made on first use), so a user gets the same
 * IdentityId every time; without, a new unauthenticated identity, when the pool allows them ("Unauthenticated
 * access is not supported for this identity pool.", botocore#329). Ids are `<region>:<uuid>`, as the pool's.
 */
export function GetId(deps: Pick<CognitoIdentityDeps, 'store' | 'tokens' | 'clock' | 'ids'>) {
  const { store, clock } = deps;
  return async (input: GetIdInput, region: string): Promise<GetIdResponse> => {
    const pool = await findPool(store, region, input.IdentityPoolId!);
    const logins = await verifyLogins(deps, pool, input.Logins);
    if (!logins.length && !pool.AllowUnauthenticatedIdentities) throw unauthenticatedNotSupported();
    return store.transact(poolLock(pool.IdentityPoolId), async (tx) => {
      const table = store.table(identities);
      const now = clock.now().getTime();
      let owner: IdentityRecord | undefined;
      for (const login of logins) owner ??= await linkedIdentity(store, pool.IdentityPoolId, login);
      const identity: IdentityRecord = owner ?? {
        IdentityId: regionalId(deps, region),
        IdentityPoolId: pool.IdentityPoolId,
        Logins: [],
        CreationDate: now,
        LastModifiedDate: now,
      };
      // Logins not linked yet join the identity, unless they already stand for another one.
      const added = [];
      for (const { provider, sub } of logins) {
        if (identity.Logins.some((l) => l.provider === provider && l.sub === sub)) continue;
        if (owner && (await linkedIdentity(store, pool.IdentityPoolId, { provider, sub }))) continue;
        added.push({ provider, sub });
      }
      if (!owner || added.length) {
        await tx.put(table, { ...identity, Logins: [...identity.Logins, ...added], LastModifiedDate: now });
      }
      return { IdentityId: identity.IdentityId };
    });
  };
}
