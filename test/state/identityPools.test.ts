import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetIdentityPoolRolesCommand,
  GetOpenIdTokenCommand,
  ListIdentitiesCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { importCommand } from '../../src/cli/import.js';
import { exportState } from '../../src/state/exportState.js';
import type { StateFile } from '../../src/state/format.js';
import { awsClient, startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { confirmedUser, passwordSignIn, setUp, type Setup } from '../cognito/operations/signIn/signInFixtures.js';

// Identity pools in the state file (version 2): exported from one emulator and imported into a fresh data dir, a
// pool keeps its settings and roles, a user gets the same IdentityId from GetId, OpenID tokens from before verify
// with the same JWKS, and credentials still valid keep verifying signatures. A version 1 file still imports.

const AUTH_ROLE = 'arn:aws:iam::000000000000:role/Cognito_Auth_Role';
const UNAUTH_ROLE = 'arn:aws:iam::000000000000:role/Cognito_Unauth_Role';
const JWKS_PATH = '/_cogniform/cognito-identity/.well-known/jwks_uri';

let source: TestEmulator;
let sourceIdentity: CognitoIdentityClient;
let setup: Setup;
let provider: string;
let dir: string;
/** What the source held when it was exported. */
const before = {} as {
  poolId: string;
  aliceId: string;
  guestId: string;
  openIdToken: string;
  accessKeyId: string;
  state: StateFile;
};

const idToken = async (emulator: TestEmulator, username: string) =>
  (await passwordSignIn(emulator, setup.clientId, username)).AuthenticationResult!.IdToken!;

test.before(async () => {
  source = await startTestEmulator();
  sourceIdentity = awsClient(CognitoIdentityClient, source);
  dir = await mkdtemp(path.join(tmpdir(), 'cogniform-identity-state-'));
  setup = await setUp(source);
  provider = `cognito-idp.us-east-1.amazonaws.com/${setup.poolId}`;
  await confirmedUser(source, setup, 'alice');
  const { IdentityPoolId } = await sourceIdentity.send(
    new CreateIdentityPoolCommand({
      IdentityPoolName: 'app identities',
      AllowUnauthenticatedIdentities: true,
      CognitoIdentityProviders: [{ ProviderName: provider, ClientId: setup.clientId }],
      IdentityPoolTags: { team: 'blue' },
    }),
  );
  before.poolId = IdentityPoolId!;
  await sourceIdentity.send(
    new SetIdentityPoolRolesCommand({
      IdentityPoolId,
      Roles: { authenticated: AUTH_ROLE, unauthenticated: UNAUTH_ROLE },
      RoleMappings: { [provider]: { Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' } },
    }),
  );
  const Logins = { [provider]: await idToken(source, 'alice') };
  before.aliceId = (await sourceIdentity.send(new GetIdCommand({ IdentityPoolId, Logins }))).IdentityId!;
  before.guestId = (await sourceIdentity.send(new GetIdCommand({ IdentityPoolId }))).IdentityId!;
  before.openIdToken = (await sourceIdentity.send(new GetOpenIdTokenCommand({ IdentityId: before.aliceId, Logins }))).Token!;
  const { Credentials } = await sourceIdentity.send(new GetCredentialsForIdentityCommand({ IdentityId: before.aliceId, Logins }));
  before.accessKeyId = Credentials!.AccessKeyId!;
  before.state = (await (await fetch(`${source.url}/_cogniform/state`)).json()) as StateFile;
});

test.after(async () => {
  sourceIdentity.destroy();
  await source.close();
  await rm(dir, { recursive: true, force: true });
});

/** A fresh data dir with `state` imported by `cogniform import --data-dir`, and an emulator started on it. */
async function importedInto(name: string, state: unknown): Promise<TestEmulator> {
  const file = path.join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(state));
  const dataDir = path.join(dir, name);
  assert.is(await importCommand({ endpoint: 'http://127.0.0.1:1', dataDir }, file), 0);
  return startTestEmulator({ inMemory: false, dataDir });
}

const post = (emulator: TestEmulator, body: unknown) => fetch(`${emulator.url}/_cogniform/state`, { method: 'POST', body: JSON.stringify(body) });

test('export: a version 2 file holds the identity pool with its roles, its identities, the credentials and the OpenID key', () => {
  const { state } = before;
  assert.is(state.version, 2);
  const [entry] = state.identityPools!;
  assert.is(entry!.pool.IdentityPoolId, before.poolId);
  assert.equal(entry!.pool.Roles, { authenticated: AUTH_ROLE, unauthenticated: UNAUTH_ROLE });
  assert.equal(entry!.identities.map((i) => i.IdentityId).sort(), [before.aliceId, before.guestId].sort());
  assert.equal(entry!.credentials.map((c) => c.accessKeyId), [before.accessKeyId]);
  assert.is(state.openIdTokenKey?.kid, JSON.parse(Buffer.from(before.openIdToken.split('.')[0]!, 'base64url').toString()).kid);
});

test('import: a fresh data dir keeps the pool, its roles, and every identity; a user gets the same IdentityId from GetId', async () => {
  const target = await importedInto('round-trip', before.state);
  const identity = awsClient(CognitoIdentityClient, target);
  try {
    const IdentityPoolId = before.poolId;
    const described = await identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId }));
    assert.is(described.IdentityPoolName, 'app identities');
    assert.equal(described.IdentityPoolTags, { team: 'blue' });
    const roles = await identity.send(new GetIdentityPoolRolesCommand({ IdentityPoolId }));
    assert.equal(roles.Roles, { authenticated: AUTH_ROLE, unauthenticated: UNAUTH_ROLE });
    assert.equal(Object.keys(roles.RoleMappings!), [provider]);
    const { Identities } = await identity.send(new ListIdentitiesCommand({ IdentityPoolId, MaxResults: 60 }));
    assert.equal(Identities!.map((i) => i.IdentityId).sort(), [before.aliceId, before.guestId].sort());

    // alice signs in to the imported user pool, and her login leads to the identity she had.
    const Logins = { [provider]: await idToken(target, 'alice') };
    const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId, Logins }));
    assert.is(IdentityId, before.aliceId);
    const { Credentials } = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }));
    assert.is((await target.identityCredentials.find(Credentials!.AccessKeyId!))?.identityId, before.aliceId);
  } finally {
    identity.destroy();
    await target.close();
  }
});

test('import: OpenID tokens from before verify with the same JWKS, as do new ones; credentials still valid are still known', async () => {
  const target = await importedInto('open-id', before.state);
  const identity = awsClient(CognitoIdentityClient, target);
  try {
    const published = async (emulator: TestEmulator) => (await fetch(`${emulator.url}${JWKS_PATH}`)).json();
    assert.equal(await published(target), await published(source));
    const keys = createRemoteJWKSet(new URL(`${target.url}${JWKS_PATH}`));
    const old = await jwtVerify(before.openIdToken, keys, { audience: before.poolId, subject: before.aliceId });
    assert.ok(old.payload.amr);
    const Logins = { [provider]: await idToken(target, 'alice') };
    const { Token } = await identity.send(new GetOpenIdTokenCommand({ IdentityId: before.aliceId, Logins }));
    const fresh = await jwtVerify(Token!, keys, { audience: before.poolId });
    assert.is(fresh.protectedHeader.kid, old.protectedHeader.kid);
    const issued = await target.identityCredentials.find(before.accessKeyId);
    assert.is(issued?.identityId, before.aliceId);
    assert.is(issued?.roleArn, AUTH_ROLE);
  } finally {
    identity.destroy();
    await target.close();
  }
});

test('export: credentials that have expired are left out, the identities stay', async () => {
  const at = new Date(Date.now() + 2 * 3600 * 1000);
  const later = await exportState(source.store, { now: () => at });
  assert.is(later.exportedAt, at.toISOString());
  const [entry] = later.identityPools!;
  assert.equal(entry!.credentials, []);
  assert.is(entry!.identities.length, 2);
});

test('import: a version 1 file (no identity pools, no OpenID key) still imports', async () => {
  const { identityPools: _pools, openIdTokenKey: _key, ...rest } = structuredClone(before.state);
  const target = await startTestEmulator();
  try {
    const response = await post(target, { ...rest, version: 1 });
    assert.is(response.status, 200);
    assert.equal(await response.json(), { imported: { pools: 1, users: 1, identityPools: 0, identities: 0, stacks: 0 } });
  } finally {
    await target.close();
  }
});

for (const [what, change, message] of [
  ['an identity listed under another pool', (s: any) => (s.identityPools[0].identities[0].IdentityPoolId = 'us-east-1:0000'), 'identityPools[0].identities[0].IdentityPoolId must be'],
  ['an identity without its logins', (s: any) => delete s.identityPools[0].identities[0].Logins, 'identityPools[0].identities[0] is missing a field'],
  ['a pool id of another shape', (s: any) => (s.identityPools[0].pool.IdentityPoolId = 'us-east-1_abc'), 'is not an identity pool id'],
  ['a pool without its roles', (s: any) => delete s.identityPools[0].pool.Roles, 'identityPools[0].pool.Roles must be an object'],
  ['credentials without a secret', (s: any) => delete s.identityPools[0].credentials[0].secretAccessKey, 'identityPools[0].credentials[0].secretAccessKey'],
  ['an OpenID key without its private part', (s: any) => delete s.openIdTokenKey.privateJwk, 'openIdTokenKey.privateJwk'],
  ['identityPools that is not a list', (s: any) => (s.identityPools = {}), 'identityPools must be a list'],
] as const) {
  test(`import: a file with ${what} is refused and nothing is written`, async () => {
    const state = structuredClone(before.state);
    change(state);
    const target = await startTestEmulator();
    try {
      const response = await post(target, state);
      assert.is(response.status, 400);
      assert.match(((await response.json()) as { message: string }).message, message);
      assert.equal((await exportState(target.store)).pools, []);
    } finally {
      await target.close();
    }
  });
}

test('import: an identity pool that already exists is refused, naming it', async () => {
  const target = await startTestEmulator();
  try {
    const { pools: _pools, ...identityOnly } = structuredClone(before.state);
    assert.is((await post(target, { ...identityOnly, pools: [] })).status, 200);
    const again = await post(target, { ...identityOnly, pools: [] });
    assert.is(again.status, 400);
    const { message } = (await again.json()) as { message: string };
    assert.match(message, `identity pool ${before.poolId} already exists`);
    assert.match(message, `identity ${before.aliceId} already exists`);
  } finally {
    await target.close();
  }
});

test('start --seed: a data dir that holds only identity pools keeps them, the seed is skipped', async () => {
  const { pools: _pools, ...identityOnly } = structuredClone(before.state);
  const file = path.join(dir, 'identity-seed.json');
  await writeFile(file, JSON.stringify({ ...identityOnly, pools: [] }));
  const dataDir = path.join(dir, 'identity-seeded');
  const first = await startTestEmulator({ inMemory: false, dataDir, seed: file });
  await first.close();
  // Seeding again would clash with the identity pool the first start wrote: the second start must skip it.
  const second = await startTestEmulator({ inMemory: false, dataDir, seed: file });
  try {
    const state = await exportState(second.store);
    assert.equal(state.identityPools!.map((entry) => entry.pool.IdentityPoolId), [before.poolId]);
  } finally {
    await second.close();
  }
});

test.run();
