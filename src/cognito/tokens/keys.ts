import {
  createHash,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  generateKeyPair,
  randomBytes,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';
import type { Store, TableSpec } from '../../store/store.js';

// Each pool signs with two RSA keys, one for ID tokens and one for access tokens, as AWS does ("the key ID (kid) is
// different because different keys are used to sign ID tokens and access tokens", access-token developer guide).
// They are made on first use and kept in the store, so a restart keeps them and tokens stay verifiable.

export interface StoredKeyPair {
  kid: string;
  privateJwk: JsonWebKey;
  publicJwk: JsonWebKey;
}

export interface PoolKeysRecord {
  UserPoolId: string;
  id: StoredKeyPair;
  access: StoredKeyPair;
}

export const poolSigningKeys: TableSpec<PoolKeysRecord> = { name: 'signingKeys', key: (k) => [k.UserPoolId], cache: true };

/** Secrets of the emulator itself (the refresh-token sealing key), made once per data dir. */
export interface ServerSecretRecord {
  Name: string;
  /** base64 */
  Value: string;
}

export const serverSecrets: TableSpec<ServerSecretRecord> = { name: 'serverSecrets', key: (s) => [s.Name], cache: true };

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** As the JWKS lists it. */
  jwk: { alg: 'RS256'; e: string; kid: string; kty: 'RSA'; n: string; use: 'sig' };
}

export interface PoolKeys {
  id: SigningKey;
  access: SigningKey;
}

const generateRsa = promisify(generateKeyPair);
/** Parsed keys by kid: importing a JWK costs more than a signature. A kid names its key, so entries never go stale. */
const parsed = new Map<string, SigningKey>();

/** The pool's keys, made on first use. Two first requests at once get the same keys: creation runs under a lock. */
export async function poolKeys(store: Store, poolId: string): Promise<PoolKeys> {
  const table = store.table(poolSigningKeys);
  // Its own lock key, not the pool id: sign-in flows may issue tokens while they hold the pool's lock.
  const record =
    (await table.get([poolId])) ??
    (await store.transact(`signingKeys\0${poolId}`, async (tx) => {
      const existing = await tx.get(table, [poolId]);
      if (existing) return existing;
      const created: PoolKeysRecord = { UserPoolId: poolId, id: await newKeyPair(), access: await newKeyPair() };
      await tx.put(table, created);
      return created;
    }));
  return { id: signingKey(record.id), access: signingKey(record.access) };
}

/** A new 2048-bit RSA key pair, as stored (also the identity pools' OpenID token key, src/cognitoIdentity). */
export async function newKeyPair(): Promise<StoredKeyPair> {
  const { publicKey, privateKey } = await generateRsa('rsa', { modulusLength: 2048 });
  // AWS's kids look like a base64 SHA-256 ("oN7UAHdZ5l52KHKLcRlf5IxiQhsuOTZlIxc/l+7D7Lk="); ours is the public key's.
  const kid = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
  return { kid, privateJwk: privateKey.export({ format: 'jwk' }), publicJwk: publicKey.export({ format: 'jwk' }) };
}

/** A stored key pair, parsed once, for RS256. */
export function signingKey(stored: StoredKeyPair): SigningKey {
  let key = parsed.get(stored.kid);
  if (!key) {
    const { kid, publicJwk } = stored;
    key = {
      kid,
      privateKey: createPrivateKey({ key: stored.privateJwk, format: 'jwk' }),
      publicKey: createPublicKey({ key: publicJwk, format: 'jwk' }),
      jwk: { alg: 'RS256', e: publicJwk.e!, kid, kty: 'RSA', n: publicJwk.n!, use: 'sig' },
    };
    parsed.set(kid, key);
  }
  return key;
}

/** The 256-bit key that seals refresh tokens, made once and kept in the store. */
/** The key as a KeyObject, imported once per store: jose would import a raw key again on every seal and open. */
const importedRefreshKeys = new WeakMap<Store, KeyObject>();

export async function refreshTokenKey(store: Store): Promise<KeyObject> {
  const imported = importedRefreshKeys.get(store);
  if (imported) return imported;
  const key = createSecretKey(await storedRefreshTokenKey(store));
  importedRefreshKeys.set(store, key);
  return key;
}

async function storedRefreshTokenKey(store: Store): Promise<Uint8Array> {
  const table = store.table(serverSecrets);
  const record =
    (await table.get(['refreshTokenKey'])) ??
    (await store.transact('serverSecrets', async (tx) => {
      const existing = await tx.get(table, ['refreshTokenKey']);
      if (existing) return existing;
      const created = { Name: 'refreshTokenKey', Value: randomBytes(32).toString('base64') };
      await tx.put(table, created);
      return created;
    }));
  return Buffer.from(record.Value, 'base64');
}
