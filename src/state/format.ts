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
import { appliedTemplates, stacks, type AppliedTemplate, type StackRecord } from '../iac/stacks/stackRecord.js';
import type { TableSpec } from '../store/store.js';
import { checkRecords, list, StateFileError } from './checks.js';
import { validateIdentityPools, type IdentityPoolsPart } from './identityPools.js';

export { StateFileError } from './checks.js';

/*
 * The cogniform state file, version 2 (`cogniform export`, `cogniform import`, `cogniform start --seed`).
 *
 *   {
 *     "format": "cogniform-state",
 *     "version": 2,
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
 *     "identityPools": [{
 *       "pool":              the identity pool (src/cognitoIdentity/model/identityPool.ts): its settings and tags as
 *                            DescribeIdentityPool shows them, its Roles and RoleMappings (GetIdentityPoolRoles),
 *       "identities":        its identities, each with the logins linked to it ({provider, sub}: a user pool and the
 *                            user's `sub`), so that GetId answers a user the same IdentityId after an import,
 *       "credentials":       the temporary credentials GetCredentialsForIdentity issued that had not expired when the
 *                            file was written (see below)
 *     }],
 *     "openIdTokenKey":       the RSA key GetOpenIdToken signs with, as a JWK pair (private parts included), so that
 *                            tokens from before verify after an import with the same JWKS; absent if none was made yet,
 *     "stacks":               the template stacks as cogniform remembers them (logical → physical ids, outputs),
 *     "appliedTemplates":     each template stack's last good template and parameters, what a failed reconcile rolls
 *                            back to (absent in files written before 2026-12-05: those stacks get one at their next
 *                            successful reconcile),
 *     "cloudFormationStacks": what the CloudFormation API shows of stacks deployed through it (serverless deploy),
 *     "refreshTokenKey":      the key that seals refresh tokens (base64), absent if none was made yet
 *   }
 *
 * Every record is the stored record as is (src/cognito/model/*, src/cognitoIdentity/model/*), each carrying the id of
 * the pool it is listed under. Not kept: codes sent or pending (an UNCONFIRMED user asks for a new one), sign-in
 * challenges in flight, lockout counters, S3 objects and unpacked function code (a stack deployed through
 * `serverless deploy` needs a new deploy for its functions' code; template files are reconciled again from the files
 * at start).
 *
 * Issued credentials: only those still valid. They cost a small record each, and apps keep them for their hour
 * (Amplify and the SDK's fromCognitoIdentityPool cache them until they expire), so an app that signs AWS_IAM requests
 * goes on working across an export and import made within that hour. Expired ones are left out: they pile up (one
 * per GetCredentialsForIdentity, kept so that a late request is refused as expired) and would change nothing but
 * the wording of that refusal.
 *
 * Version 1 (written before identity pools were kept) has no "identityPools" and no "openIdTokenKey"; it imports as
 * it always did. A cogniform that reads only version 1 refuses a version 2 file rather than drop its identity pools.
 *
 * Import never replaces: a pool id, client id, domain, identity pool id, identity id, access key or stack that
 * already exists is refused, and the whole file is checked before anything is written, then written in one atomic
 * batch. The refresh-token key and the OpenID token key are taken only by a store that has none yet (a fresh one);
 * otherwise refresh tokens from the file must be issued again, and OpenID tokens from before no longer verify.
 */

export const STATE_FORMAT = 'cogniform-state';
export const STATE_VERSION = 2;
/** The versions this cogniform imports (it writes STATE_VERSION). */
const READABLE_VERSIONS: readonly number[] = [1, 2];

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

export interface StateFile extends Partial<IdentityPoolsPart> {
  format: typeof STATE_FORMAT;
  /** STATE_VERSION when written; any of READABLE_VERSIONS when read. */
  version: number;
  exportedAt: string;
  cogniform: string;
  pools: PoolState[];
  stacks: StackRecord[];
  appliedTemplates?: AppliedTemplate[];
  cloudFormationStacks: StackMeta[];
  refreshTokenKey?: string;
}

export const STATE_TABLES = { stacks, appliedTemplates, cloudFormationStacks: stackMetas, signingKeys: poolSigningKeys };

/** Checks the shape of a parsed state file, so that an import either writes all of it or nothing. */
export function validateState(given: unknown): StateFile {
  const file = given as Partial<StateFile> | null;
  if (typeof file !== 'object' || file === null || Array.isArray(file)) throw new StateFileError('the state file is not a JSON object.');
  if (file.format !== STATE_FORMAT) throw new StateFileError(`"format" must be "${STATE_FORMAT}" (found ${JSON.stringify(file.format)}).`);
  if (typeof file.version !== 'number' || !READABLE_VERSIONS.includes(file.version)) {
    const readable = READABLE_VERSIONS.join(' and ');
    throw new StateFileError(`"version" ${JSON.stringify(file.version)} is not one this cogniform reads (it reads versions ${readable}).`);
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
    const owner = { field: 'UserPoolId', id: pool!.Id };
    if (state.signingKeys !== undefined) {
      checkRecords(`${at}.signingKeys`, [state.signingKeys], poolSigningKeys, owner);
      for (const use of ['id', 'access'] as const) {
        const pair = state.signingKeys[use];
        if (typeof pair?.kid !== 'string' || typeof pair.privateJwk !== 'object' || typeof pair.publicJwk !== 'object') {
          throw new StateFileError(`${at}.signingKeys.${use} must hold kid, privateJwk and publicJwk.`);
        }
      }
    }
    for (const [section, spec] of poolSections()) {
      checkRecords(`${at}.${section}`, list(state, section, `${at}.${section}`), spec, owner);
    }
  });
  validateIdentityPools(file);
  checkRecords('stacks', list(file, 'stacks', 'stacks'), stacks);
  if (file.appliedTemplates !== undefined) {
    const applied = list(file, 'appliedTemplates', 'appliedTemplates');
    checkRecords('appliedTemplates', applied, appliedTemplates);
    const named = new Set((file.stacks ?? []).map((stack) => stack.Name));
    applied.forEach((entry, i) => {
      const { Stack, Template } = entry as Partial<AppliedTemplate>;
      if (!named.has(Stack!)) throw new StateFileError(`appliedTemplates[${i}].Stack "${Stack}" is not one of the file's stacks.`);
      if (typeof Template !== 'object' || Template === null) throw new StateFileError(`appliedTemplates[${i}].Template must be an object.`);
    });
  }
  checkRecords('cloudFormationStacks', list(file, 'cloudFormationStacks', 'cloudFormationStacks'), stackMetas);
  if (file.refreshTokenKey !== undefined && typeof file.refreshTokenKey !== 'string') {
    throw new StateFileError('"refreshTokenKey" must be a base64 string.');
  }
  return file as StateFile;
}
