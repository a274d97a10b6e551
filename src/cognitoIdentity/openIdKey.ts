import { createHash, createPrivateKey, generateKeyPair, type JsonWebKey, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import type { Store, TableSpec } from '../store/store.js';

// The key GetOpenIdToken signs with. AWS signs these tokens with keys of the cognito-identity service itself, listed
// at https://cognito-identity.amazonaws.com/.well-known/jwks_uri; cogniform makes one of its own on first use and
// keeps it in the store, so tokens stay verifiable across restarts. AWS's tokens carry `"alg": "RS512"` and
// `"typ": "JWS"` in their header (LocalStack's cognito-identity notes; tokens shown in aws-amplify issues), so ours do.
export const OPEN_ID_ALG = 'RS512';

export const OPEN_ID_KEY_NAME = 'openIdToken';

/** The key as stored (and as a state file carries it, src/state/format.ts), private parts included. */
export interface StoredOpenIdKey {
  Name: typeof OPEN_ID_KEY_NAME;
  kid: string;
  privateJwk: JsonWebKey;
  publicJwk: JsonWebKey;
}

export const openIdKeys: TableSpec<StoredOpenIdKey> = { name: 'identitySigningKeys', key: (k) => [k.Name], cache: true };
const generateRsa = promisify(generateKeyPair);

export interface OpenIdKey {
  kid: string;
  privateKey: KeyObject;
  jwk: { alg: typeof OPEN_ID_ALG; e: string; kid: string; kty: 'RSA'; n: string; use: 'sig' };
}

const parsed = new Map<string, OpenIdKey>();

export async function openIdKey(store: Store): Promise<OpenIdKey> {
  const table = store.table(openIdKeys);
  const stored =
    (await table.get([OPEN_ID_KEY_NAME])) ??
    (await store.transact('identitySigningKeys', async (tx) => {
      const existing = await tx.get(table, [OPEN_ID_KEY_NAME]);
      if (existing) return existing;
      const { publicKey, privateKey } = await generateRsa('rsa', { modulusLength: 2048 });
      const kid = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64url');
      const created: StoredOpenIdKey = {
        Name: OPEN_ID_KEY_NAME, kid, privateJwk: privateKey.export({ format: 'jwk' }), publicJwk: publicKey.export({ format: 'jwk' }),
      };
      await tx.put(table, created);
      return created;
    }));
  let key = parsed.get(stored.kid);
  if (!key) {
    const { kid, publicJwk } = stored;
    key = {
      kid,
      privateKey: createPrivateKey({ key: stored.privateJwk, format: 'jwk' }),
      jwk: { alg: OPEN_ID_ALG, e: publicJwk.e!, kid, kty: 'RSA', n: publicJwk.n!, use: 'sig' },
    };
    parsed.set(kid, key);
  }
  return key;
}
