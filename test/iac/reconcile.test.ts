import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readStack } from '../../src/iac/stacks/stackRecord.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { reconcileHarness, type Harness } from './reconcileHarness.js';

let emulator: TestEmulator;
let harness: Harness;
test.before.each(async () => {
  emulator = await startTestEmulator();
  harness = reconcileHarness(emulator);
});
test.after.each(async () => {
  await emulator.close();
});

const actions = (changes: { action: string; logicalId: string }[]) => changes.map((c) => `${c.action} ${c.logicalId}`);

test('reconcile: creates what the template declares, each resource after the ones it refers to', async () => {
  const { changes, stack } = await harness.run('app.yaml');
  assert.equal(actions(changes), ['create Pool', 'create Alice', 'create Domain', 'create Admins', 'create Client', 'create AliceIsAdmin']);
  const pool = stack.Resources.Pool!.PhysicalId;
  const client = stack.Resources.Client!.PhysicalId;
  assert.is((await harness.api('DescribeUserPool', { UserPoolId: pool })).UserPool.Name, 'app-local');
  assert.is((await harness.api('DescribeUserPoolClient', { UserPoolId: pool, ClientId: client })).UserPoolClient.ClientName, 'web');
  assert.is((await harness.api('DescribeUserPoolDomain', { Domain: 'app-local' })).DomainDescription.UserPoolId, pool);
  const groups = await harness.api('AdminListGroupsForUser', { UserPoolId: pool, Username: 'alice' });
  assert.equal(groups.Groups.map((g: { GroupName: string }) => g.GroupName), ['admins']);
  assert.equal(stack.Resources.AliceIsAdmin!.DependsOn.sort(), ['Admins', 'Alice', 'Pool']);
});

test('reconcile: stores the outputs and the exports, and the stack record', async () => {
  const { stack } = await harness.run('app.yaml');
  const pool = stack.Resources.Pool!;
  assert.equal(stack.Outputs, { PoolId: pool.PhysicalId, PoolArn: pool.Attributes.Arn, ClientId: stack.Resources.Client!.PhysicalId });
  assert.equal(stack.Exports, { 'app-PoolId': pool.PhysicalId });
  assert.match(String(pool.Attributes.Arn), new RegExp(`^arn:aws:cognito-idp:us-east-1:000000000000:userpool/${pool.PhysicalId}$`));
  const stored = await readStack(emulator.store, 'app');
  assert.equal(stored, stack);
  assert.is(stored!.Status, 'CREATE_COMPLETE');
  assert.match(stored!.StackId, /^arn:aws:cloudformation:us-east-1:000000000000:stack\/app\/[0-9a-f-]{36}$/);
  assert.equal(stored!.LastReconcile!.changes, { created: 6, updated: 0, replaced: 0, deleted: 0, unchanged: 0 });
  assert.is(stored!.LastReconcile!.error, null);
});

test('reconcile: a second run of the same template leaves everything unchanged and calls nothing', async () => {
  const first = await harness.run('app.yaml');
  const second = await harness.run('app.yaml');
  assert.ok(second.changes.every((c) => c.action === 'unchanged'), actions(second.changes).join());
  assert.is(second.changes.length, 6);
  assert.equal(harness.calls, []);
  assert.equal(second.stack.Resources, first.stack.Resources);
  assert.equal(second.stack.Outputs, first.stack.Outputs);
  assert.is(second.stack.StackId, first.stack.StackId);
  assert.is(second.stack.Status, 'UPDATE_COMPLETE');
});

test('reconcile: parameters take their defaults unless overridden', async () => {
  const first = await harness.run('conditions.yaml');
  const pool = first.stack.Resources.Pool!.PhysicalId;
  assert.is((await harness.api('DescribeUserPool', { UserPoolId: pool })).UserPool.Name, 'conditions-local');
  const second = await harness.run('conditions.yaml', { parameters: { Stage: 'dev' } });
  assert.equal(actions(second.changes), ['update Pool', 'unchanged Admins']);
  assert.is(second.stack.Resources.Pool!.PhysicalId, pool);
  assert.is((await harness.api('DescribeUserPool', { UserPoolId: pool })).UserPool.Name, 'conditions-dev');
});

test('reconcile: a condition turned false deletes its resource and drops its output', async () => {
  const first = await harness.run('conditions.yaml');
  assert.equal(first.stack.Outputs, { AdminsGroup: 'admins' });
  const pool = first.stack.Resources.Pool!.PhysicalId;
  const second = await harness.run('conditions.yaml', { parameters: { WithAdmins: 'no' } });
  assert.equal(actions(second.changes), ['unchanged Pool', 'delete Admins']);
  assert.equal(harness.calls, ['DeleteGroup']);
  assert.equal((await harness.api('ListGroups', { UserPoolId: pool })).Groups, []);
  assert.equal(Object.keys(second.stack.Resources), ['Pool']);
  assert.equal(second.stack.Outputs, {});
});

test('reconcile: Fn::ImportValue reads the export of another stack', async () => {
  const app = await harness.run('app.yaml');
  const pool = app.stack.Resources.Pool!.PhysicalId;
  const { changes } = await harness.run('importer.yaml', { stackName: 'importer' });
  assert.equal(actions(changes), ['create Editors']);
  const groups = (await harness.api('ListGroups', { UserPoolId: pool })).Groups.map((g: { GroupName: string }) => g.GroupName);
  assert.equal(groups.sort(), ['admins', 'editors']);
});

test('reconcile: types cogniform does not emulate get a physical id and are marked Accepted', async () => {
  const { stack, changes } = await harness.run('accepted.yaml');
  assert.equal(actions(changes), ['create Pool', 'create SmsRole', 'create UnnamedRole']);
  const role = stack.Resources.SmsRole!;
  assert.is(role.PhysicalId, 'app-sms');
  assert.is(role.Accepted, true);
  assert.equal(role.Attributes, { Arn: 'arn:aws:iam::000000000000:role/app-sms' });
  assert.match(stack.Resources.UnnamedRole!.PhysicalId, /^app-UnnamedRole-[A-Z0-9]{13}$/);
  assert.is(stack.Resources.UnnamedRole!.Accepted, true);
  assert.is(stack.Resources.Pool!.Accepted, undefined);
  assert.equal(stack.Outputs, { SmsRoleArn: 'arn:aws:iam::000000000000:role/app-sms' });
  const again = await harness.run('accepted.yaml');
  assert.is(again.stack.Resources.UnnamedRole!.PhysicalId, stack.Resources.UnnamedRole!.PhysicalId);
});

test.run();
