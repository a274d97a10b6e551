import type { StackMeta } from '../cloudformation/model/stacks.js';
import { stackMetas } from '../cloudformation/model/stacks.js';
import { userPoolClients } from '../cognito/model/client.js';
import { userPoolDomains } from '../cognito/model/domain.js';
import { groups, memberships } from '../cognito/model/group.js';
import { identityProviders } from '../cognito/model/identityProvider.js';
import { resourceServers } from '../cognito/model/resourceServer.js';
import { riskConfigurations } from '../cognito/model/riskConfiguration.js';
import { uiCustomizations } from '../cognito/model/uiCustomization.js';
import { users } from '../cognito/model/user.js';
import type { UserPoolRecord } from '../cognito/model/userPool.js';
import { poolSigningKeys, type PoolKeysRecord } from '../cognito/tokens/keys.js';
import { tokenSessions, tokenSignOuts } from '../cognito/tokens/sessions.js';
import { stacks, type StackRecord } from '../iac/stacks/stackRecord.js';
import type { TableSpec } from '../store/store.js';

/*
 * The cogniform state file, version 1 (`cogniform export`, `cogniform import`, `cogniform start --seed`).
 *
 *   {
 *     "format": "cogniform-state",
 *     "version": 1,
 *     "exportedAt": "<ISO time>", "cogniform": "<version that wrote it>",
 *     "pools": [{
 *       "pool":              the pool with every setting (DescribeUserPool's shape, dates as epoch ms, plus MfaSettings),
 *       "signingKeys":       its two RSA key pairs as JWKs (private parts included), so tokens issued before the export
 *                            still verify after an import: same kid, same key, same JWKS,
 *       "clients":           app clients, secrets included,
 *       "domains", "groups", "resourceServers", "identityProviders", "uiCustomizations", "riskConfigurations",
 *       "users":             every user: attributes (sub included), status, enabled, MFA settings, TOTP secret
 *                            (`softwareToken`), and `password`: the salted SRP verifier and H(x) as stored, never a
 *                            plaintext password (cogniform has none),
 *       "memberships":       {GroupName, UserKey} per user in a group,
 *       "tokenSessions", "tokenSignOuts": the sign-in sessions, so access tokens from before stay usable (GetUser)
 *                            and revocations stay revoked
 *     }],
 *     "stacks":               the template stacks as cogniform remembers them (logical → physical ids, outputs),
 *     "cloudFormationStacks": what the CloudFormation API shows of stacks deployed through it (serverless deploy),
 *     "refreshTokenKey":      the key that seals refresh tokens (base64), absent if none was made yet
 *   }
 *
 * Every record is the stored record as is (src/cognito/model/*), each carrying its UserPoolId. Not kept: codes sent
 * or pending (an UNCONFIRMED user asks for a new one), sign-in challenges in flight, lockout counters, S3 objects
 * and unpacked function code (a stack deployed through `serverless deploy` needs a new deploy for its functions'
 * code; template files are reconciled again from the files at start).
 *
 * Import never replaces: a pool id, client id, domain or stack that already exists is refused, and the whole file is
 * checked before anything is written, then written in one atomic batch. A refresh-token key is taken only by a store
 * that has none yet (a fresh one); otherwise refresh tokens from the file must be issued again.
 */

export const STATE_FORMAT = 'cogniform-state';
export const STATE_VERSION = 1;

/** The sections of a pool besides the pool itself, and the table each one is read from and written to. */
export const POOL_SECTIONS = {
  clients: userPoolClients,
  domains: userPoolDomains,
  groups,
  resourceServers,
  identityProviders,
  uiCustomizations,
  riskConfigurations,
  users,
  memberships,
  tokenSessions,
  tokenSignOuts,
};

export type PoolSection = keyof typeof POOL_SECTIONS;

export interface PoolScoped {
  UserPoolId: string;
}

type RecordOf<S> = S extends TableSpec<infer T> ? T : never;

export type PoolState = { pool: UserPoolRecord; signingKeys?: PoolKeysRecord } & {
  [K in PoolSection]: RecordOf<(typeof POOL_SECTIONS)[K]>[];
};

/** The sections with their tables, for code that treats them all alike. */
export const poolSections = () => Object.entries(POOL_SECTIONS) as unknown as [PoolSection, TableSpec<PoolScoped>][];

export interface StateFile {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  exportedAt: string;
  cogniform: string;
  pools: PoolState[];
  stacks: StackRecord[];
  cloudFormationStacks: StackMeta[];
  refreshTokenKey?: string;
}

export const STATE_TABLES = { stacks, cloudFormationStacks: stackMetas, signingKeys: poolSigningKeys };

/** A state file that is not one, or not one this version reads; the message names the field. */
export class StateFileError extends Error {
  override name = 'StateFileError';
}

/** Checks the shape of a parsed state file, so that an import either writes all of it or nothing. */
export function validateState(given: unknown): StateFile {
  const file = given as Partial<StateFile> | null;
  if (typeof file !== 'object' || file === null || Array.isArray(file)) throw new StateFileError('the state file is not a JSON object.');
  if (file.format !== STATE_FORMAT) throw new StateFileError(`"format" must be "${STATE_FORMAT}" (found ${JSON.stringify(file.format)}).`);
  if (file.version !== STATE_VERSION) {
    throw new StateFileError(`"version" ${JSON.stringify(file.version)} is not one this cogniform reads (it reads version ${STATE_VERSION}).`);
  }
  const pools = list(file, 'pools', 'pools');
  pools.forEach((entry, i) => {
    const at = `pools[${i}]`;
    const state = entry as Partial<PoolState>;
    if (typeof state !== 'object' || state === null) throw new StateFileError(`${at} is not an object.`);
    const pool = state.pool;
    for (const field of ['Id', 'Name', 'Arn'] as const) {
      if (typeof pool?.[field] !== 'string' || !pool[field]) throw new StateFileError(`${at}.pool.${field} is missing.`);
    }
    if (state.signingKeys !== undefined) {
      records(`${at}.signingKeys`, [state.signingKeys], poolSigningKeys, pool!.Id);
      for (const use of ['id', 'access'] as const) {
        const pair = state.signingKeys[use];
        if (typeof pair?.kid !== 'string' || typeof pair.privateJwk !== 'object' || typeof pair.publicJwk !== 'object') {
          throw new StateFileError(`${at}.signingKeys.${use} must hold kid, privateJwk and publicJwk.`);
        }
      }
    }
    for (const [section, spec] of poolSections()) {
      records(`${at}.${section}`, list(state, section, `${at}.${section}`), spec, pool!.Id);
    }
  });
  records('stacks', list(file, 'stacks', 'stacks'), stacks);
  records('cloudFormationStacks', list(file, 'cloudFormationStacks', 'cloudFormationStacks'), stackMetas);
  if (file.refreshTokenKey !== undefined && typeof file.refreshTokenKey !== 'string') {
    throw new StateFileError('"refreshTokenKey" must be a base64 string.');
  }
  return file as StateFile;
}

function list(holder: object, field: string, at: string): unknown[] {
  const value = (holder as Record<string, unknown>)[field];
  if (!Array.isArray(value)) throw new StateFileError(`${at} is missing (expected a list).`);
  return value;
}

/** Each record must give its table a key and index entries (what the store will compute when writing it). */
function records<T>(at: string, items: unknown[], spec: TableSpec<T>, poolId?: string): void {
  items.forEach((item, i) => {
    const where = `${at}[${i}]`;
    if (typeof item !== 'object' || item === null) throw new StateFileError(`${where} is not an object.`);
    if (poolId !== undefined && (item as PoolScoped).UserPoolId !== poolId) {
      throw new StateFileError(`${where}.UserPoolId must be "${poolId}", the pool it is listed under.`);
    }
    let parts: readonly string[];
    try {
      parts = spec.key(item as T);
      for (const index of Object.values(spec.indexes ?? {})) index(item as T).flat().forEach(mustBeString);
    } catch {
      throw new StateFileError(`${where} is missing a field its ${spec.name} record needs.`);
    }
    if (!parts.every((part) => typeof part === 'string' && part !== '')) {
      throw new StateFileError(`${where} is missing a key field of its ${spec.name} record.`);
    }
  });
}

function mustBeString(part: unknown): void {
  if (typeof part !== 'string') throw new TypeError('not a string');
}
