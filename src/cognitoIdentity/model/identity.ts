import type { IdentityDescription } from '@aws-sdk/client-cognito-identity';
import type { Store, TableSpec } from '../../store/store.js';

/** A login linked to an identity: the provider and the user's id there (a user pool user's `sub`). */
export interface LinkedLogin {
  provider: string;
  sub: string;
}

/** An identity of a pool: unauthenticated while it has no logins, authenticated once one is linked. */
export interface IdentityRecord {
  IdentityId: string;
  IdentityPoolId: string;
  Logins: LinkedLogin[];
  /** Epoch milliseconds. */
  CreationDate: number;
  LastModifiedDate: number;
}

// byPool lists a pool's identities (ListIdentities, and DeleteIdentityPool takes them with it); byLogin finds the
// identity a provider's user already has, so that GetId answers the same IdentityId for them every time.
export const identities: TableSpec<IdentityRecord> = {
  name: 'identities',
  key: (i) => [i.IdentityId],
  indexes: {
    byPool: (i) => [[i.IdentityPoolId]],
    byLogin: (i) => i.Logins.map((login) => [i.IdentityPoolId, login.provider, login.sub]),
  },
};

/** The identity `id` if it exists in the call's region (an identity id starts with its pool's region). */
export async function findIdentity(store: Store, region: string, id: string): Promise<IdentityRecord | undefined> {
  const identity = await store.table(identities).get([id]);
  return identity?.IdentityPoolId.startsWith(`${region}:`) ? identity : undefined;
}

export function identityToApi(identity: IdentityRecord): IdentityDescription {
  return {
    IdentityId: identity.IdentityId,
    Logins: identity.Logins.map((login) => login.provider),
    CreationDate: new Date(identity.CreationDate),
    LastModifiedDate: new Date(identity.LastModifiedDate),
  };
}
