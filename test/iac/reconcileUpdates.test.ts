import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { failure, reconcileHarness, type Harness } from './reconcileHarness.js';

let emulator: TestEmulator;
let harness: Harness;
test.before.each(async () => {
  emulator = await startTestEmulator();
  harness = reconcileHarness(emulator);
});
test.after.each(async () => {
  await emulator.close();
});

const actionOf = (changes: { action: string; logicalId: string }[]) =>
  Object.fromEntries(changes.map((c) => [c.logicalId, c.action]));
const ids = (resources: Record<string, { PhysicalId: string }>) =>
  Object.fromEntries(Object.entries(resources).map(([id, r]) => [id, r.PhysicalId]));
const errorType = async (work: Promise<unknown>) => ((await failure(work)) as { type?: string }).type;

test('reconcile: a changed client flow and password policy update in place, same ids, users kept', async () => {
  const first = await harness.run('app.yaml');
  const pool = first.stack.Resources.Pool!.PhysicalId;
  await harness.api('AdminCreateUser', { UserPoolId: pool, Username: 'bob' });
  const second = await harness.run('appUpdated.yaml');
  assert.equal(actionOf(second.changes), {
    Pool: 'update', Alice: 'unchanged', Domain: 'unchanged', Admins: 'unchanged', Client: 'update', AliceIsAdmin: 'unchanged',
  });
  assert.equal(ids(second.stack.Resources), ids(first.stack.Resources));
  const described = await harness.api('DescribeUserPool', { UserPoolId: pool });
  assert.is(described.UserPool.Policies.PasswordPolicy.MinimumLength, 12);
  const client = await harness.api('DescribeUserPoolClient', { UserPoolId: pool, ClientId: second.stack.Resources.Client!.PhysicalId });
  assert.equal(client.UserPoolClient.ExplicitAuthFlows, ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
  const users = (await harness.api('ListUsers', { UserPoolId: pool })).Users.map((u: { Username: string }) => u.Username);
  assert.equal(users.sort(), ['alice', 'bob']);
  const groups = await harness.api('AdminListGroupsForUser', { UserPoolId: pool, Username: 'alice' });
  assert.is(groups.Groups.length, 1);
});

test('reconcile: GenerateSecret changed replaces the client, and the old client is deleted', async () => {
  const first = await harness.run('app.yaml');
  const pool = first.stack.Resources.Pool!.PhysicalId;
  const oldClient = first.stack.Resources.Client!.PhysicalId;
  const second = await harness.run('appClientSecret.yaml');
  assert.is(actionOf(second.changes).Client, 'replace');
  const newClient = second.stack.Resources.Client!;
  assert.is.not(newClient.PhysicalId, oldClient);
  assert.type(newClient.Attributes.ClientSecret, 'string');
  assert.is(second.stack.Outputs.ClientId, newClient.PhysicalId);
  const described = await harness.api('DescribeUserPoolClient', { UserPoolId: pool, ClientId: newClient.PhysicalId });
  assert.is(described.UserPoolClient.ClientSecret, newClient.Attributes.ClientSecret);
  assert.is(await errorType(harness.api('DescribeUserPoolClient', { UserPoolId: pool, ClientId: oldClient })), 'ResourceNotFoundException');
  // Created first, deleted last, as CloudFormation replaces.
  assert.equal(harness.calls.filter((c) => c.endsWith('UserPoolClient')), ['CreateUserPoolClient', 'DeleteUserPoolClient']);
});

test('reconcile: replacing a pool moves its domain, clients, groups and users to the new pool and deletes the old', async () => {
  const first = await harness.run('app.yaml');
  const oldPool = first.stack.Resources.Pool!.PhysicalId;
  const second = await harness.run('appPoolReplaced.yaml');
  assert.equal(actionOf(second.changes), {
    Pool: 'replace', Alice: 'replace', Domain: 'replace', Admins: 'replace', Client: 'replace', AliceIsAdmin: 'replace',
  });
  const pool = second.stack.Resources.Pool!.PhysicalId;
  assert.is.not(pool, oldPool);
  assert.is((await harness.api('DescribeUserPoolDomain', { Domain: 'app-local' })).DomainDescription.UserPoolId, pool);
  assert.is(await errorType(harness.api('DescribeUserPool', { UserPoolId: oldPool })), 'ResourceNotFoundException');
  const client = second.stack.Resources.Client!.PhysicalId;
  assert.is((await harness.api('DescribeUserPoolClient', { UserPoolId: pool, ClientId: client })).UserPoolClient.ClientName, 'web');
  const groups = await harness.api('AdminListGroupsForUser', { UserPoolId: pool, Username: 'alice@example.com' });
  assert.equal(groups.Groups.map((g: { GroupName: string }) => g.GroupName), ['admins']);
  assert.is(second.stack.Exports['app-PoolId'], pool);
  assert.is(second.stack.Status, 'UPDATE_COMPLETE');
});

test('reconcile: resources dropped from the template are deleted, dependents before what they depend on', async () => {
  const first = await harness.run('app.yaml');
  const pool = first.stack.Resources.Pool!.PhysicalId;
  const second = await harness.run('appWithoutGroup.yaml');
  const deleted = second.changes.filter((c) => c.action === 'delete').map((c) => c.logicalId);
  assert.equal(deleted, ['AliceIsAdmin', 'Admins']);
  assert.equal(harness.calls, ['AdminRemoveUserFromGroup', 'DeleteGroup']);
  assert.equal((await harness.api('ListGroups', { UserPoolId: pool })).Groups, []);
  assert.equal(Object.keys(second.stack.Resources).sort(), ['Alice', 'Client', 'Domain', 'Pool']);
  assert.equal(second.stack.LastReconcile!.changes, { created: 0, updated: 0, replaced: 0, deleted: 2, unchanged: 4 });
});


test('reconcile: a resource with DeletionPolicy Retain stays when the template drops it; the stack forgets it', async () => {
  const first = await harness.run('retained.yaml');
  const pool = first.stack.Resources.Pool!.PhysicalId;
  const second = await harness.run('retainedDropped.yaml');
  assert.equal(second.changes.filter((c) => c.action === 'delete').map((c) => [c.logicalId, c.retained ?? false]).sort(), [
    ['Dropped', false], ['Kept', true],
  ]);
  const groups = (await harness.api('ListGroups', { UserPoolId: pool })).Groups.map((g: { GroupName: string }) => g.GroupName);
  assert.equal(groups, ['kept']);
  assert.equal(Object.keys(second.stack.Resources), ['Pool']);
});

test.run();
