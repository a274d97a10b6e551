import type { JsonWebKey } from 'node:crypto';
import { newKeyPair, signingKey, type SigningKey } from '../cognito/tokens/keys.js';
import type { Store, TableSpec } from '../store/store.js';

// The key GetOpenIdToken signs with. AWS signs these tokens with keys of the cognito-identity service itself, listed
// at https://cognito-identity.amazonaws.com/.well-known/jwks_uri; cogniform makes one of its own on first use and
// keeps it in the store, so tokens stay verifiable across restarts. AWS's tokens carry `"alg": "RS512"` and
// `"typ": "JWS"` in their header (LocalStack's cognito-identity notes; tokens shown in aws-amplify issues), so ours do.
export const OPEN_ID_ALG = 'RS512' as const;

export const OPEN_ID_KEY_NAME = 'openIdToken';

/** The key as stored (and as a state file carries it, src/state/format.ts), private parts included. */
export interface StoredOpenIdKey {
  Name: typeof OPEN_ID_KEY_NAME;
  kid: string;
  privateJwk: JsonWebKey;
  publicJwk: JsonWebKey;
}

export const openIdKeys: TableSpec<StoredOpenIdKey> = { name: 'identitySigningKeys', key: (k) => [k.Name], cache: true };
/** A signing key whose JWK says RS512. */
export type OpenIdKey = Omit<SigningKey, 'jwk'> & { jwk: Omit<SigningKey['jwk'], 'alg'> & { alg: typeof OPEN_ID_ALG } };

export async function openIdKey(store: Store): Promise<OpenIdKey> {
  const table = store.table(openIdKeys);
  const stored =
    (await table.get([OPEN_ID_KEY_NAME])) ??
    (await store.transact('identitySigningKeys', async (tx) => {
      const existing = await tx.get(table, [OPEN_ID_KEY_NAME]);
      if (existing) return existing;
      const created: StoredOpenIdKey = { Name: OPEN_ID_KEY_NAME, ...(await newKeyPair()) };
      await tx.put(table, created);
      return created;
    }));
  const key = signingKey(stored);
  return { ...key, jwk: { ...key.jwk, alg: OPEN_ID_ALG } };
}
