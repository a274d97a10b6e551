import type { Clock } from '../cognito/deps.js';
import type { IssuedCredentials } from '../cognitoIdentity/credentials.js';
import { isRegionalId } from '../cognitoIdentity/ids.js';
import { identities, type IdentityRecord } from '../cognitoIdentity/model/identity.js';
import { identityPools, type IdentityPoolRecord } from '../cognitoIdentity/model/identityPool.js';
import { issuedCredentials } from '../cognitoIdentity/model/issuedCredentials.js';
import { OPEN_ID_KEY_NAME, openIdKeys, type StoredOpenIdKey } from '../cognitoIdentity/openIdKey.js';
import type { Store, Transaction } from '../store/store.js';
import { allRecords } from './allRecords.js';
import { checkRecords, StateFileError } from './checks.js';

// The identity pools' part of a state file (version 2; format.ts documents it): each pool with its identities and
// the credentials still valid, and the key GetOpenIdToken signs with.

interface IdentityPoolState {
  pool: IdentityPoolRecord;
  identities: IdentityRecord[];
  credentials: IssuedCredentials[];
}

export interface IdentityPoolsPart {
  identityPools: IdentityPoolState[];
  openIdTokenKey?: StoredOpenIdKey;
}

export async function exportIdentityPools(store: Store, clock: Clock): Promise<IdentityPoolsPart> {
  const now = clock.now().getTime();
  // Grouped by pool in one pass: the table gains a record with every GetCredentialsForIdentity.
  const live = new Map<string, IdentityPoolState['credentials']>();
  for (const set of await allRecords(store, issuedCredentials, [])) {
    if (set.expiration <= now) continue;
    const listed = live.get(set.identityPoolId);
    if (listed) listed.push(set);
    else live.set(set.identityPoolId, [set]);
  }
  const states: IdentityPoolState[] = [];
  for (const pool of await allRecords(store, identityPools, [])) {
    const id = pool.IdentityPoolId;
    const listed = await allRecords(store, identities, [id], 'byPool');
    states.push({ pool, identities: listed, credentials: live.get(id) ?? [] });
  }
  const openIdTokenKey = await store.table(openIdKeys).get([OPEN_ID_KEY_NAME]);
  return { identityPools: states, ...(openIdTokenKey ? { openIdTokenKey } : {}) };
}

const KIND_NAMES = { string: 'a string', number: 'a number', boolean: 'a boolean', object: 'an object', array: 'a list' };
type Kind = keyof typeof KIND_NAMES;

const kindOf = (value: unknown): string =>
  Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;

/** Each named member of `item` must be of its kind (what the operations reading the record rely on). */
function members(where: string, item: object, kinds: Record<string, Kind>): void {
  for (const [name, kind] of Object.entries(kinds)) {
    const value = (item as Record<string, unknown>)[name];
    if (kindOf(value) !== kind) throw new StateFileError(`${where}.${name} must be ${KIND_NAMES[kind]}.`);
  }
}

/** Checks the identity pools' part of a parsed file (absent in version 1 files: nothing to check). */
export function validateIdentityPools(file: Partial<IdentityPoolsPart>): void {
  if (file.identityPools !== undefined) {
    if (!Array.isArray(file.identityPools)) throw new StateFileError('identityPools must be a list.');
    file.identityPools.forEach((entry, i) => {
      const at = `identityPools[${i}]`;
      if (kindOf(entry) !== 'object') throw new StateFileError(`${at} is not an object.`);
      if (kindOf(entry.pool) !== 'object') throw new StateFileError(`${at}.pool is missing.`);
      members(`${at}.pool`, entry.pool, {
        IdentityPoolId: 'string', IdentityPoolName: 'string', AllowUnauthenticatedIdentities: 'boolean', Roles: 'object', RoleMappings: 'object',
      });
      const id = entry.pool.IdentityPoolId;
      if (!isRegionalId(id)) throw new StateFileError(`${at}.pool.IdentityPoolId "${id}" is not an identity pool id (<region>:<uuid>).`);
      members(at, entry, { identities: 'array', credentials: 'array' });
      const owner = { field: 'IdentityPoolId', id };
      checkRecords(`${at}.identities`, entry.identities, identities, owner);
      entry.identities.forEach((identity, n) =>
        members(`${at}.identities[${n}]`, identity, { CreationDate: 'number', LastModifiedDate: 'number' }),
      );
      checkRecords(`${at}.credentials`, entry.credentials, issuedCredentials, { field: 'identityPoolId', id });
      entry.credentials.forEach((issued, n) =>
        members(`${at}.credentials[${n}]`, issued, {
          secretAccessKey: 'string', sessionToken: 'string', expiration: 'number', region: 'string', accountId: 'string',
          identityId: 'string', authenticated: 'boolean', roleArn: 'string', logins: 'array',
        }),
      );
    });
  }
  if (file.openIdTokenKey !== undefined) {
    const key = file.openIdTokenKey;
    if (kindOf(key) !== 'object' || key.Name !== OPEN_ID_KEY_NAME) {
      throw new StateFileError(`openIdTokenKey.Name must be "${OPEN_ID_KEY_NAME}".`);
    }
    members('openIdTokenKey', key, { kid: 'string', privateJwk: 'object', publicJwk: 'object' });
  }
}

/** What the file would overwrite or duplicate: pool and identity ids and access keys are unique across pools. */
export async function identityPoolClashes(
  store: Store,
  file: Partial<IdentityPoolsPart>,
  once: (what: string) => void,
  clashes: string[],
): Promise<void> {
  for (const { pool, identities: listed, credentials } of file.identityPools ?? []) {
    once(`identity pool ${pool.IdentityPoolId}`);
    if (await store.table(identityPools).get([pool.IdentityPoolId])) clashes.push(`identity pool ${pool.IdentityPoolId} already exists`);
    for (const identity of listed) {
      once(`identity ${identity.IdentityId}`);
      if (await store.table(identities).get([identity.IdentityId])) clashes.push(`identity ${identity.IdentityId} already exists`);
    }
    for (const issued of credentials) {
      once(`credentials ${issued.accessKeyId}`);
      if (await store.table(issuedCredentials).get([issued.accessKeyId])) clashes.push(`credentials ${issued.accessKeyId} already exist`);
    }
  }
}

/** Writes the identity pools' part in the import's transaction; the OpenID key only into a store that has none. */
export async function importIdentityPools(
  tx: Transaction,
  store: Store,
  file: Partial<IdentityPoolsPart>,
): Promise<{ identityPools: number; identities: number }> {
  const states = file.identityPools ?? [];
  let count = 0;
  for (const state of states) {
    await tx.put(store.table(identityPools), state.pool);
    for (const identity of state.identities) await tx.put(store.table(identities), identity);
    for (const issued of state.credentials) await tx.put(store.table(issuedCredentials), issued);
    count += state.identities.length;
  }
  const keys = store.table(openIdKeys);
  if (file.openIdTokenKey && !(await tx.get(keys, [OPEN_ID_KEY_NAME]))) await tx.put(keys, file.openIdTokenKey);
  return { identityPools: states.length, identities: count };
}
