import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadCloudFormation } from '../../../src/iac/load/cloudformation.js';
import { reconcile, type ReconcileDeps } from '../../../src/iac/reconcile.js';
import { recoverInterrupted } from '../../../src/iac/recover.js';
import { identityPool } from '../../../src/iac/resources/cognito/identityPool.js';
import { identityPoolRoleAttachment } from '../../../src/iac/resources/cognito/identityPoolRoleAttachment.js';
import { providerFor } from '../../../src/iac/resources/index.js';
import { isRecognizedType } from '../../../src/iac/resourceTypes.js';
import { readStack } from '../../../src/iac/stacks/stackRecord.js';
import type { Store } from '../../../src/store/store.js';
import { internalSurface } from '../../cognitoIdentity/setup.js';
import { identityCall, startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { assertCognitoError, providerContext, type TestContext } from './context.js';

let emulator: TestEmulator;
let ctx: TestContext;
let dir: string;
test.before(async () => {
  emulator = await startTestEmulator();
  ctx = providerContext(emulator);
  dir = await mkdtemp(path.join(tmpdir(), 'cogniform-identitypool-'));
});
test.after(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

const describe = (IdentityPoolId: string) => identityCall(emulator, 'DescribeIdentityPool', { IdentityPoolId });
const roles = (IdentityPoolId: string) => identityCall(emulator, 'GetIdentityPoolRoles', { IdentityPoolId });
const AUTH = 'arn:aws:iam::000000000000:role/auth';
const UNAUTH = 'arn:aws:iam::000000000000:role/unauth';

test('AWS::Cognito::IdentityPool: both types are recognized and emulated', () => {
  for (const type of ['AWS::Cognito::IdentityPool', 'AWS::Cognito::IdentityPoolRoleAttachment']) {
    assert.ok(isRecognizedType(type));
    assert.is(providerFor(type)?.type, type);
  }
});

test('AWS::Cognito::IdentityPool: create gives the pool id as Ref and Id, the name as Name; tags become a map', async () => {
  const props = {
    IdentityPoolName: 'app identities',
    AllowUnauthenticatedIdentities: true,
    CognitoIdentityProviders: [{ ProviderName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_abc', ClientId: 'client1' }],
    IdentityPoolTags: [{ Key: 'team', Value: 'blue' }],
  };
  const made = await identityPool.create(ctx, 'Identities', props);
  assert.match(made.physicalId, /^us-east-1:[0-9a-f-]{36}$/);
  assert.equal(made.attributes, { Id: made.physicalId, Name: 'app identities' });
  const pool = await describe(made.physicalId);
  assert.is(pool.AllowUnauthenticatedIdentities, true);
  assert.equal(pool.IdentityPoolTags, { team: 'blue' });
  assert.is(pool.CognitoIdentityProviders[0].ClientId, 'client1');
});

test('AWS::Cognito::IdentityPool: a change updates in place; an unnamed pool is named after its logical ID', async () => {
  const before = { AllowUnauthenticatedIdentities: false };
  const after = { AllowUnauthenticatedIdentities: true, AllowClassicFlow: true };
  assert.is(identityPool.replaces(before, after), false);
  assert.is(identityPool.replaces({ ...before, IdentityPoolName: 'a' }, { ...before, IdentityPoolName: 'b' }), false);
  const made = await identityPool.create(ctx, 'Guests', before);
  assert.is(made.attributes.Name, 'Guests');
  const updated = await identityPool.update(ctx, made, after, before);
  assert.equal(updated, made);
  const pool = await describe(made.physicalId);
  assert.equal([pool.IdentityPoolName, pool.AllowUnauthenticatedIdentities, pool.AllowClassicFlow], ['Guests', true, true]);
});

test('AWS::Cognito::IdentityPool: delete removes the pool, and a pool already gone is no error; bad properties surface the API error', async () => {
  const props = { AllowUnauthenticatedIdentities: false };
  const made = await identityPool.create(ctx, 'Temp', props);
  await identityPool.delete(ctx, made, props);
  await assertCognitoError(describe(made.physicalId), 'ResourceNotFoundException');
  await identityPool.delete(ctx, made, props);
  await assertCognitoError(identityPool.create(ctx, 'Bad', { IdentityPoolName: 'no/slashes', AllowUnauthenticatedIdentities: false }), 'ValidationException');
});

test('AWS::Cognito::IdentityPool: presetId is a new <region>:<uuid>, and a create given it makes the pool under that id', async () => {
  // The reconciler's context passes the pinned id to the surface (src/iac/startTemplates.ts); so does this one.
  const surface = internalSurface(emulator);
  const pinning: TestContext = {
    ...ctx,
    cognitoIdentity: (operation, request, options) =>
      surface.handle(operation, { body: request, region: ctx.region, requestId: 'test' }, options),
  };
  const props = { AllowUnauthenticatedIdentities: false };
  const presetId = identityPool.presetId!(pinning, 'Pinned', props);
  assert.match(presetId, /^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  assert.is.not(identityPool.presetId!(pinning, 'Pinned', props), presetId);
  const made = await identityPool.create(pinning, 'Pinned', props, presetId);
  assert.equal(made, { physicalId: presetId, attributes: { Id: presetId, Name: 'Pinned' } });
  assert.is((await describe(presetId)).IdentityPoolName, 'Pinned');
  // A create repeated with the same id (a reconcile resumed after a crash) is refused, not a second pool.
  await assertCognitoError(identityPool.create(pinning, 'Pinned', props, presetId), 'InvalidParameterException', /already exists/);
});

test('AWS::Cognito::IdentityPool: a context that does not honour the pinned id fails the create rather than record another id', async () => {
  // `ctx` calls the public API, which takes no pinned id.
  const pinnedId = 'us-east-1:55555555-5555-4555-8555-555555555555';
  try {
    await identityPool.create(ctx, 'Unpinned', { AllowUnauthenticatedIdentities: false }, pinnedId);
    assert.unreachable('created under another id');
  } catch (error) {
    assert.match((error as Error).message, `not as the pinned id ${pinnedId}`);
  }
});

test('AWS::Cognito::IdentityPool: a template pins the pool id with Metadata cogniform.id, through the reconciler', async () => {
  const file = path.join(dir, 'pinned-identity.yaml');
  const pinnedId = 'us-east-1:66666666-6666-4666-8666-666666666666';
  await writeFile(
    file,
    `
Resources:
  Identities:
    Type: AWS::Cognito::IdentityPool
    Metadata:
      cogniform:
        id: ${pinnedId}
    Properties:
      AllowUnauthenticatedIdentities: true
Outputs:
  IdentityPoolId:
    Value: !Ref Identities
`,
  );
  const report = await emulator.templates.deploy(file, {});
  assert.equal(report.errors, []);
  assert.is(report.outputs.IdentityPoolId, pinnedId);
  assert.is((await describe(pinnedId)).AllowUnauthenticatedIdentities, true);
});

test('AWS::Cognito::IdentityPool: a reconcile cut off right after the create commits leaves no pool its stack does not know', async () => {
  const fresh = await startTestEmulator();
  try {
    const surface = internalSurface(fresh);
    // As ../../reliability/crash/interruptedReconcile.test.ts cuts: once CreateIdentityPool has committed, that call
    // and every later write hang, which leaves the store as a SIGKILL right after the commit would.
    const depsFor = (cutAfterCreate: boolean) => {
      let cut = false;
      let reached!: () => void;
      const hung = new Promise<void>((resolve) => (reached = resolve));
      const hang = () => {
        reached();
        return new Promise<never>(() => {});
      };
      const transact = (key: string, work: never) => (cut ? hang() : fresh.store.transact(key, work));
      const store: Store = Object.create(fresh.store, { transact: { value: transact } });
      const deps: ReconcileDeps = {
        store,
        accountId: '000000000000',
        providerContext: ({ stackName, region }) => ({
          ...ctx, stackName, region,
          cognito: () => Promise.reject(new Error('no user pools in this test')),
          async cognitoIdentity(operation, request, options) {
            const result = await surface.handle(operation, { body: request, region, requestId: 'cut' }, options);
            if (cutAfterCreate && operation === 'CreateIdentityPool') {
              cut = true;
              return hang();
            }
            return result;
          },
        }),
      };
      return { deps, hung };
    };
    const template = 'Resources:\n  Identities:\n    Type: AWS::Cognito::IdentityPool\n    Properties: { AllowUnauthenticatedIdentities: true }\n';
    const loaded = loadCloudFormation('cut.yaml', template);
    const cutOff = depsFor(true);
    void reconcile(cutOff.deps, { loaded, stackName: 'cut', region: 'us-east-1', parameters: {} });
    await cutOff.hung;
    const pools = async (): Promise<string[]> =>
      (await identityCall(fresh, 'ListIdentityPools', { MaxResults: 60 })).IdentityPools.map((p: { IdentityPoolId: string }) => p.IdentityPoolId);
    assert.is((await pools()).length, 1, 'the create committed before the cut');
    assert.equal(await recoverInterrupted(depsFor(false).deps), ['stack cut: its last reconcile was cut off (cogniform stopped); finished it']);
    const stack = (await readStack(fresh.store, 'cut'))!;
    assert.equal(await pools(), [stack.Resources.Identities!.PhysicalId]);
  } finally {
    await fresh.close();
  }
});

test('AWS::Cognito::IdentityPoolRoleAttachment: sets the roles and mappings keyed by IdentityProvider; Ref is the pool id', async () => {
  const provider = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_abc';
  const pool = await identityPool.create(ctx, 'Mapped', { AllowUnauthenticatedIdentities: true, CognitoIdentityProviders: [{ ProviderName: provider, ClientId: 'client1' }] });
  const props = {
    IdentityPoolId: pool.physicalId,
    Roles: { authenticated: AUTH, unauthenticated: UNAUTH },
    RoleMappings: { userpool: { IdentityProvider: `${provider}:client1`, Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' } },
  };
  const attachment = await identityPoolRoleAttachment.create(ctx, 'Roles', props);
  assert.equal(attachment, { physicalId: pool.physicalId, attributes: { Id: pool.physicalId } });
  const set = await roles(pool.physicalId);
  assert.equal(set.Roles, props.Roles);
  assert.equal(set.RoleMappings, { [`${provider}:client1`]: { Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' } });
  const next = { IdentityPoolId: pool.physicalId, Roles: { authenticated: AUTH } };
  assert.is(identityPoolRoleAttachment.replaces(props, next), false);
  assert.ok(identityPoolRoleAttachment.replaces(props, { ...next, IdentityPoolId: 'us-east-1:other' }));
  await identityPoolRoleAttachment.update(ctx, attachment, next, props);
  assert.equal(await roles(pool.physicalId), { IdentityPoolId: pool.physicalId, Roles: { authenticated: AUTH } });
  await identityPoolRoleAttachment.delete(ctx, attachment, next);
  assert.equal((await roles(pool.physicalId)).Roles, {});
});

test('AWS::Cognito::IdentityPoolRoleAttachment: a mapping for a provider the pool does not list surfaces InvalidParameterException', async () => {
  const pool = await identityPool.create(ctx, 'Plain', { AllowUnauthenticatedIdentities: false });
  const props = { IdentityPoolId: pool.physicalId, RoleMappings: { facebook: { Type: 'Token', AmbiguousRoleResolution: 'Deny', IdentityProvider: 'graph.facebook.com' } } };
  await assertCognitoError(identityPoolRoleAttachment.create(ctx, 'Bad', props), 'InvalidParameterException', /graph\.facebook\.com is not a valid RoleMapping ProviderName/);
});

test('AWS::Cognito::IdentityPool: a template with a user pool, an identity pool and its roles deploys, and updates', async () => {
  const file = path.join(dir, 'identity.yaml');
  const template = (unauth: boolean) => `
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  UserPool:
    Type: AWS::Cognito::UserPool
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref UserPool
  Identities:
    Type: AWS::Cognito::IdentityPool
    Properties:
      AllowUnauthenticatedIdentities: ${unauth}
      CognitoIdentityProviders:
        - ClientId: !Ref Client
          ProviderName: !GetAtt UserPool.ProviderName
  Roles:
    Type: AWS::Cognito::IdentityPoolRoleAttachment
    Properties:
      IdentityPoolId: !Ref Identities
      Roles:
        authenticated: ${AUTH}
      RoleMappings:
        UserPoolMapping:
          IdentityProvider: !Join [':', [!GetAtt UserPool.ProviderName, !Ref Client]]
          Type: Token
          AmbiguousRoleResolution: AuthenticatedRole
Outputs:
  IdentityPoolId:
    Value: !Ref Identities
  IdentityPoolName:
    Value: !GetAtt Identities.Name
  Attachment:
    Value: !Ref Roles
`;
  await writeFile(file, template(false));
  const first = await emulator.templates.deploy(file, {});
  assert.equal(first.errors, []);
  const id = first.outputs.IdentityPoolId!;
  assert.match(id, /^us-east-1:/);
  assert.is(first.outputs.IdentityPoolName, 'Identities');
  assert.is(first.outputs.Attachment, id);
  const set = await roles(id);
  assert.equal(set.Roles, { authenticated: AUTH });
  assert.equal(Object.keys(set.RoleMappings).length, 1);
  assert.match(Object.keys(set.RoleMappings)[0]!, /^cognito-idp\.us-east-1\.amazonaws\.com\/us-east-1_\w+:\w+$/);
  await writeFile(file, template(true));
  const second = await emulator.templates.deploy(file, {});
  assert.equal(second.errors, []);
  assert.is(second.outputs.IdentityPoolId, id);
  assert.is((await describe(id)).AllowUnauthenticatedIdentities, true);
});

test.run();
