import type { Store } from '../store/store.js';
import type { CognitoIdentityDeps } from './deps.js';
import { accessForbidden, identityNotFound, loginsDoNotMatch, unauthenticatedNotSupported } from './errors.js';
import { verifyLogins, type VerifiedLogin } from './logins.js';
import { findIdentity, identities, type IdentityRecord, type LinkedLogin } from './model/identity.js';
import { findPool, type IdentityPoolRecord } from './model/identityPool.js';

// Who may act as an identity (GetCredentialsForIdentity, GetOpenIdToken): an authenticated identity only with a
// login it is linked to ("Access to Identity '<id>' is forbidden." without logins, "Logins don't match. ..." with
// someone else's; amazon-cognito-identity-js#68); an unauthenticated one freely while the pool allows
// unauthenticated identities. A login given for an unauthenticated identity is linked to it, as AWS does when a
// guest signs in ("Switching unauthenticated users to authenticated users", identity pools developer guide).

export interface IdentityAccess {
  pool: IdentityPoolRecord;
  identity: IdentityRecord;
  /** The logins of this call, verified; empty for an unauthenticated identity. */
  logins: VerifiedLogin[];
}

/** Writes to a pool's identities run under one lock, so that two first GetIds of a user make one identity. */
export const poolLock = (poolId: string) => `identityPool\0${poolId}`;

const sameLogin = (a: LinkedLogin, b: LinkedLogin) => a.provider === b.provider && a.sub === b.sub;

export async function openIdentity(
  deps: Pick<CognitoIdentityDeps, 'store' | 'tokens' | 'clock'>,
  region: string,
  identityId: string,
  logins: Record<string, string> | undefined,
): Promise<IdentityAccess> {
  const { store } = deps;
  const found = await findIdentity(store, region, identityId);
  if (!found) throw identityNotFound(identityId);
  const pool = await findPool(store, region, found.IdentityPoolId);
  const verified = await verifyLogins(deps, pool, logins);
  if (found.Logins.length) {
    if (!verified.length) throw accessForbidden(identityId);
    if (!verified.some((login) => found.Logins.some((linked) => sameLogin(login, linked)))) throw loginsDoNotMatch();
  } else if (!verified.length && !pool.AllowUnauthenticatedIdentities) {
    throw unauthenticatedNotSupported();
  }
  if (!verified.length) return { pool, identity: found, logins: [] };
  const identity = await store.transact(poolLock(pool.IdentityPoolId), async (tx) => {
    const table = store.table(identities);
    const current = await tx.get(table, [identityId]);
    if (!current) throw identityNotFound(identityId);
    const unlinked: LinkedLogin[] = [];
    for (const login of verified) {
      if (current.Logins.some((linked) => sameLogin(login, linked))) continue;
      const owner = await linkedIdentity(store, pool.IdentityPoolId, login);
      // A login that already stands for another identity cannot be moved onto this one.
      if (owner && owner.IdentityId !== identityId) throw loginsDoNotMatch();
      unlinked.push({ provider: login.provider, sub: login.sub });
    }
    if (!unlinked.length) return current;
    const updated = { ...current, Logins: [...current.Logins, ...unlinked], LastModifiedDate: deps.clock.now().getTime() };
    await tx.put(table, updated);
    return updated;
  });
  return { pool, identity, logins: verified };
}

/** The identity a login is linked to in a pool, if any. */
export function linkedIdentity(store: Store, poolId: string, login: LinkedLogin): Promise<IdentityRecord | undefined> {
  return store.table(identities).findOne('byLogin', [poolId, login.provider, login.sub]);
}
