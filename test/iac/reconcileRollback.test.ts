import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readStack } from '../../src/iac/stacks/stackRecord.js';
import { TemplateError } from '../../src/iac/template.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { failure, reconcileHarness, type Harness } from './reconcileHarness.js';

// A file's reconcile that fails part-way rolls back to the stack's last good template, as CloudFormation rolls back
// a failed update (UPDATE_ROLLBACK_COMPLETE, user guide "Stack status codes"): what it updated is updated back, what
// it added is deleted, a resource it replaced gets its old physical resource back (users and all), and the error
// stays at file:line. A replacement that must delete the old resource first (a pinned id, a custom name) waits until
// everything else is applied, and its create is checked before the old one goes.

let emulator: TestEmulator;
let harness: Harness;
test.before.each(async () => {
  emulator = await startTestEmulator();
  harness = reconcileHarness(emulator);
});
test.after.each(async () => {
  await emulator.close();
});

const FILE = 'app.yaml';
const fileRun = (text: string) => harness.runText(FILE, text, { rollBack: true });
/** A group name Cognito refuses (more than 128 characters), which no check before the create can see. */
const TOO_LONG = 'g'.repeat(129);

const V1 = `Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: app
      Policies: { PasswordPolicy: { MinimumLength: 8 } }
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties: { UserPoolId: !Ref Pool, ClientName: web }
  Admins:
    Type: AWS::Cognito::UserPoolGroup
    Properties: { UserPoolId: !Ref Pool, GroupName: admins, Description: first }
  Domain:
    Type: AWS::Cognito::UserPoolDomain
    Properties: { UserPoolId: !Ref Pool, Domain: app-rollback }
`;

/**
 * Updates the pool in place, renames the client, replaces the client (a secret now), changes the group, adds a
 * group and a client; then `Broken`, which depends on all of them, fails at Cognito.
 */
const V2_BROKEN = `Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: app
      Policies: { PasswordPolicy: { MinimumLength: 12 } }
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties: { UserPoolId: !Ref Pool, ClientName: web2, GenerateSecret: true }
  Admins:
    Type: AWS::Cognito::UserPoolGroup
    Properties: { UserPoolId: !Ref Pool, GroupName: admins, Description: second }
  Extra:
    Type: AWS::Cognito::UserPoolGroup
    Properties: { UserPoolId: !Ref Pool, GroupName: extra }
  Mobile:
    Type: AWS::Cognito::UserPoolClient
    Properties: { UserPoolId: !Ref Pool, ClientName: mobile }
  Domain:
    Type: AWS::Cognito::UserPoolDomain
    Properties: { UserPoolId: !Ref Pool, Domain: app-rollback }
  Broken:
    Type: AWS::Cognito::UserPoolGroup
    DependsOn: [Client, Admins, Extra, Mobile]
    Properties: { UserPoolId: !Ref Pool, GroupName: ${TOO_LONG} }
`;

async function withUsers(poolId: string): Promise<void> {
  for (const Username of ['alice', 'bob']) await harness.api('AdminCreateUser', { UserPoolId: poolId, Username, MessageAction: 'SUPPRESS' });
  await harness.api('AdminAddUserToGroup', { UserPoolId: poolId, Username: 'alice', GroupName: 'admins' });
}

const usernames = async (poolId: string) => (await harness.api('ListUsers', { UserPoolId: poolId })).Users.map((u: { Username: string }) => u.Username).sort();

test('reconcile: a file update failing after earlier changes rolls every one back, keeps the users, and says where it failed', async () => {
  await fileRun(V1);
  const before = (await readStack(emulator.store, 'app'))!;
  const poolId = before.Resources.Pool!.PhysicalId;
  await withUsers(poolId);

  const error = await failure(fileRun(V2_BROKEN));
  assert.instance(error, TemplateError);
  assert.match(error.message, /^app\.yaml:\d+:3 Resources\.Broken: InvalidParameterException: /);

  const stack = (await readStack(emulator.store, 'app'))!;
  assert.is(stack.Status, 'UPDATE_ROLLBACK_COMPLETE');
  assert.is(stack.LastReconcile!.error, error.message);
  assert.is(stack.Leftovers, undefined);
  // The same physical resources as before, with their old properties: the replaced client got its id back.
  assert.equal(
    Object.fromEntries(Object.entries(stack.Resources).map(([id, r]) => [id, [r.PhysicalId, r.Properties]])),
    Object.fromEntries(Object.entries(before.Resources).map(([id, r]) => [id, [r.PhysicalId, r.Properties]])),
  );
  const { UserPool } = await harness.api('DescribeUserPool', { UserPoolId: poolId });
  assert.is(UserPool.Policies.PasswordPolicy.MinimumLength, 8);
  assert.is(UserPool.Domain, 'app-rollback');
  assert.equal(await usernames(poolId), ['alice', 'bob']);
  const { Groups } = await harness.api('ListGroups', { UserPoolId: poolId });
  assert.equal(Groups.map((g: { GroupName: string; Description: string }) => `${g.GroupName}:${g.Description}`), ['admins:first']);
  const members = await harness.api('ListUsersInGroup', { UserPoolId: poolId, GroupName: 'admins' });
  assert.equal(members.Users.map((u: { Username: string }) => u.Username), ['alice']);
  const { UserPoolClients } = await harness.api('ListUserPoolClients', { UserPoolId: poolId, MaxResults: 60 });
  assert.equal(UserPoolClients.map((c: { ClientId: string; ClientName: string }) => [c.ClientId, c.ClientName]), [[before.Resources.Client!.PhysicalId, 'web']]);
  const { UserPoolClient } = await harness.api('DescribeUserPoolClient', { UserPoolId: poolId, ClientId: before.Resources.Client!.PhysicalId });
  assert.is(UserPoolClient.ClientSecret, undefined);

  // The next good save starts from the rolled-back stack and applies normally.
  const fixed = await fileRun(V2_BROKEN.replace(TOO_LONG, 'ops'));
  assert.is(fixed.stack.Status, 'UPDATE_COMPLETE');
  assert.is(fixed.stack.LastReconcile!.error, null);
  assert.is(fixed.stack.Resources.Pool!.PhysicalId, poolId);
  assert.is(fixed.changes.find((c) => c.logicalId === 'Client')!.action, 'replace');
  assert.equal((await harness.api('ListGroups', { UserPoolId: poolId })).Groups.map((g: { GroupName: string }) => g.GroupName).sort(), ['admins', 'extra', 'ops']);
  assert.equal(await usernames(poolId), ['alice', 'bob']);
});

test('reconcile: a failed file update that replaced the pool goes back to the old pool, users and all', async () => {
  await fileRun(V1);
  const before = (await readStack(emulator.store, 'app'))!;
  const poolId = before.Resources.Pool!.PhysicalId;
  await withUsers(poolId);
  // Email as username replaces the pool (not pinned: the new one is made first); the domain moves with it.
  const replacing = V2_BROKEN.replace('UserPoolName: app\n', 'UserPoolName: app\n      UsernameAttributes: [email]\n');
  const error = await failure(fileRun(replacing));
  assert.match(error.message, /Resources\.Broken: InvalidParameterException/);
  const stack = (await readStack(emulator.store, 'app'))!;
  assert.is(stack.Status, 'UPDATE_ROLLBACK_COMPLETE');
  assert.is(stack.Resources.Pool!.PhysicalId, poolId);
  assert.is(stack.Resources.Client!.PhysicalId, before.Resources.Client!.PhysicalId);
  const { UserPools } = await harness.api('ListUserPools', { MaxResults: 60 });
  assert.equal(UserPools.map((p: { Id: string }) => p.Id), [poolId], 'the new pool is gone');
  assert.is((await harness.api('DescribeUserPool', { UserPoolId: poolId })).UserPool.Domain, 'app-rollback');
  assert.equal(await usernames(poolId), ['alice', 'bob']);
  const members = await harness.api('ListUsersInGroup', { UserPoolId: poolId, GroupName: 'admins' });
  assert.equal(members.Users.map((u: { Username: string }) => u.Username), ['alice'], 'the old group and its members were kept');
});

const PINNED = (extra: string) => `Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Metadata: { cogniform: { id: us-east-1_pinnedPool } }
    Properties: { UserPoolName: pinned${extra} }
  Other:
    Type: AWS::Cognito::UserPool
    Properties: { UserPoolName: other }
`;

test('reconcile: a pinned pool replaced by deleting it first waits for the rest, so a failure elsewhere keeps it and its users', async () => {
  await fileRun(PINNED(''));
  for (const Username of ['alice', 'bob']) await harness.api('AdminCreateUser', { UserPoolId: 'us-east-1_pinnedPool', Username, MessageAction: 'SUPPRESS' });
  // The pool's replacement must delete it first; the group on the other pool, listed after it, fails.
  const broken = `${PINNED(', UsernameAttributes: [email]')}  Bad:
    Type: AWS::Cognito::UserPoolGroup
    Properties: { UserPoolId: !Ref Other, GroupName: ${TOO_LONG} }
`;
  const error = await failure(fileRun(broken));
  assert.match(error.message, /^app\.yaml:\d+:3 Resources\.Bad: InvalidParameterException/);
  assert.not.ok(harness.calls.includes('DeleteUserPool'), harness.calls.join(' '));
  assert.equal(harness.logs.filter((l) => l.includes('deleting')), []);
  assert.equal(await usernames('us-east-1_pinnedPool'), ['alice', 'bob']);
  assert.is((await readStack(emulator.store, 'app'))!.Status, 'UPDATE_ROLLBACK_COMPLETE');
  // Fixed, the replacement goes ahead, and the log says what it deletes before it does.
  const applied = await fileRun(PINNED(', UsernameAttributes: [email]'));
  assert.is(applied.stack.Status, 'UPDATE_COMPLETE');
  assert.equal(harness.logs, [
    'stack app: deleting Pool AWS::Cognito::UserPool us-east-1_pinnedPool before its replacement, which takes the same pinned id: its users, groups and clients go with it, and a failure later in this reconcile cannot bring them back (AWS refuses such an update: https://repost.aws/knowledge-center/cloudformation-custom-name)',
  ]);
  assert.equal(await usernames('us-east-1_pinnedPool'), []);
});

test('reconcile: a pinned pool deleted first and then failing in its own resources is made again, and the log said so before', async () => {
  await fileRun(PINNED(''));
  await harness.api('AdminCreateUser', { UserPoolId: 'us-east-1_pinnedPool', Username: 'alice', MessageAction: 'SUPPRESS' });
  // The group needs the new pool, so nothing can fail it before the old pool goes.
  const broken = `${PINNED(', UsernameAttributes: [email]')}  Bad:
    Type: AWS::Cognito::UserPoolGroup
    Properties: { UserPoolId: !Ref Pool, GroupName: ${TOO_LONG} }
`;
  const error = await failure(fileRun(broken));
  assert.match(error.message, /Resources\.Bad: InvalidParameterException/);
  const deleting = harness.logs.findIndex((l) => l.startsWith('stack app: deleting Pool AWS::Cognito::UserPool us-east-1_pinnedPool'));
  assert.ok(deleting >= 0, harness.logs.join('\n'));
  const stack = (await readStack(emulator.store, 'app'))!;
  assert.is(stack.Status, 'UPDATE_ROLLBACK_COMPLETE');
  assert.equal(stack.Resources.Pool!.Properties, { UserPoolName: 'pinned' });
  const { UserPool } = await harness.api('DescribeUserPool', { UserPoolId: 'us-east-1_pinnedPool' });
  assert.is(UserPool.UsernameAttributes, undefined, 'the pool is the last good template\'s again');
  assert.equal(await usernames('us-east-1_pinnedPool'), [], 'its users could not come back, as the log said');
});

test('reconcile: a pinned pool\'s replacement that CreateUserPool refuses is tried under another id first, and the old pool keeps its users', async () => {
  await fileRun(PINNED(''));
  await harness.api('AdminCreateUser', { UserPoolId: 'us-east-1_pinnedPool', Username: 'alice', MessageAction: 'SUPPRESS' });
  // A name the pool name pattern refuses, which only CreateUserPool itself checks, with a change that replaces.
  const error = await failure(fileRun(PINNED(', UsernameAttributes: [email]').replace('UserPoolName: pinned', 'UserPoolName: "pinned!"')));
  assert.match(error.message, /^app\.yaml:\d+:3 Resources\.Pool: InvalidParameterException: .*poolName/);
  assert.equal(harness.logs.filter((l) => l.includes('deleting')), [], 'the old pool was never to be deleted');
  assert.equal(await usernames('us-east-1_pinnedPool'), ['alice']);
  const { UserPools } = await harness.api('ListUserPools', { MaxResults: 60 });
  assert.equal(UserPools.map((p: { Name: string }) => p.Name).sort(), ['other', 'pinned'], 'no trial pool is left');
  const stack = (await readStack(emulator.store, 'app'))!;
  assert.is(stack.Status, 'UPDATE_ROLLBACK_COMPLETE');
  assert.is(stack.Leftovers, undefined);
});

test('reconcile: a delete-first replacement whose create cannot work is refused before the old resource goes', async () => {
  await fileRun(V1);
  const poolId = (await readStack(emulator.store, 'app'))!.Resources.Pool!.PhysicalId;
  // The same domain name in a pool that does not exist: the old domain would have to go first.
  const error = await failure(fileRun(V1.replace('{ UserPoolId: !Ref Pool, Domain: app-rollback }', '{ UserPoolId: us-east-1_nothere, Domain: app-rollback }')));
  assert.match(error.message, /^app\.yaml:\d+:3 Resources\.Domain: ResourceNotFoundException/);
  assert.not.ok(harness.calls.includes('DeleteUserPoolDomain'), harness.calls.join(' '));
  assert.is((await harness.api('DescribeUserPool', { UserPoolId: poolId })).UserPool.Domain, 'app-rollback');
});

test('reconcile: a property of the wrong type is refused before the first change of a file reconcile', async () => {
  await fileRun(V1);
  const before = await readStack(emulator.store, 'app');
  const error = await failure(fileRun(V2_BROKEN.replace('GroupName: extra', 'GroupName: extra, Precedence: high')));
  assert.match(error.message, /^app\.yaml:\d+:3 Resources\.Extra: SerializationException: Expected a number at 'precedence'/);
  assert.equal(harness.calls, []);
  assert.equal(await readStack(emulator.store, 'app'), before);
});

test('reconcile: a stack without a last good template (a failed first create) is left as it failed', async () => {
  const error = await failure(fileRun(V2_BROKEN));
  assert.match(error.message, /Resources\.Broken: InvalidParameterException/);
  assert.is((await readStack(emulator.store, 'app'))!.Status, 'CREATE_FAILED');
  // The next good save builds on what it made.
  const fixed = await fileRun(V2_BROKEN.replace(TOO_LONG, 'ops'));
  assert.is(fixed.stack.Status, 'UPDATE_COMPLETE');
});

test.run();
