import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readStack } from '../../src/iac/stacks/stackRecord.js';
import { TemplateError } from '../../src/iac/template.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { failure, FIXTURES, reconcileHarness, type Harness } from './reconcileHarness.js';

let emulator: TestEmulator;
let harness: Harness;
test.before.each(async () => {
  emulator = await startTestEmulator();
  harness = reconcileHarness(emulator);
});
test.after.each(async () => {
  await emulator.close();
});

const pools = async () => (await harness.api('ListUserPools', { MaxResults: 60 })).UserPools;

test('reconcile: an unknown Ref fails at its place, naming the resource, and changes nothing', async () => {
  const error = await failure(harness.run('brokenRef.yaml'));
  assert.instance(error, TemplateError);
  assert.is(
    error.message,
    `${FIXTURES}/brokenRef.yaml:10:7 Resources.Client.Properties.ClientName: Ref: 'ClientNameParameter' is neither a parameter nor a resource defined in the template`,
  );
  assert.equal(harness.calls, []);
  assert.equal(await pools(), []);
  assert.is(await readStack(emulator.store, 'app'), undefined);
});

test('reconcile: a resource type CloudFormation does not know fails at its Type, and changes nothing', async () => {
  const error = await failure(harness.run('unknownType.yaml'));
  assert.instance(error, TemplateError);
  assert.match(error.message, new RegExp(`^${FIXTURES}/unknownType\\.yaml:8:5 Resources\\.Group\\.Type: Unrecognized resource type AWS::Cognito::UserPoolGrop`));
  assert.equal(harness.calls, []);
  assert.equal(await pools(), []);
});

test('reconcile: a value that fails to resolve after a resource it needs is caught before anything is created', async () => {
  const error = await failure(harness.run('brokenLookup.yaml'));
  assert.instance(error, TemplateError);
  assert.match(error.message, new RegExp(`^${FIXTURES}/brokenLookup\\.yaml:15:\\d+ Resources\\.Admins\\.Properties\\.GroupName: Fn::FindInMap: `));
  assert.equal(harness.calls, []);
  assert.equal(await pools(), []);
});

test('reconcile: a broken template keeps the last good state of the stack', async () => {
  await harness.run('app.yaml');
  const before = await readStack(emulator.store, 'app');
  const error = await failure(harness.run('brokenLookup.yaml'));
  assert.instance(error, TemplateError);
  assert.equal(harness.calls, []);
  assert.equal(await readStack(emulator.store, 'app'), before);
});

test('reconcile: a property Cognito rejects fails at the resource with the AWS error, and the stack says so', async () => {
  const error = await failure(harness.run('brokenGroupName.yaml'));
  assert.instance(error, TemplateError);
  assert.match(error.message, new RegExp(`^${FIXTURES}/brokenGroupName\\.yaml:6:3 Resources\\.Admins: InvalidParameterException: .*groupName`, 'i'));
  const stack = await readStack(emulator.store, 'app');
  assert.is(stack!.Status, 'CREATE_FAILED');
  assert.is(stack!.LastReconcile!.error, error.message);
  // What was created before the failure is recorded, so the next reconcile carries on from there.
  assert.equal(Object.keys(stack!.Resources), ['Pool']);
  const again = await harness.run('conditions.yaml');
  assert.equal(again.changes.map((c) => `${c.action} ${c.logicalId}`), ['update Pool', 'create Admins']);
  assert.is(again.stack.Resources.Pool!.PhysicalId, stack!.Resources.Pool!.PhysicalId);
});

test.run();
