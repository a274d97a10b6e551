import { CreateGroupCommand, GetGroupCommand, UpdateGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';

let now = new Date('2024-01-01T00:00:00Z');
let emulator: TestEmulator;
let poolId: string;
test.before(async () => {
  emulator = await startTestEmulator({ clock: { now: () => now } });
  poolId = await createPool(emulator);
});
test.after(async () => {
  await emulator.close();
});

const ROLE = 'arn:aws:iam::000000000000:role/editors';

test('UpdateGroup: changes only the settings given and refreshes LastModifiedDate', async () => {
  const created = new Date('2024-01-01T00:00:00Z');
  now = created;
  await emulator.client.send(new CreateGroupCommand({
    UserPoolId: poolId, GroupName: 'editors', Description: 'Editors', RoleArn: ROLE, Precedence: 3,
  }));
  now = new Date('2024-02-01T00:00:00Z');
  const { Group } = await emulator.client.send(
    new UpdateGroupCommand({ UserPoolId: poolId, GroupName: 'editors', Precedence: 7 }),
  );
  assert.is(Group!.Precedence, 7);
  assert.is(Group!.Description, 'Editors');
  assert.is(Group!.RoleArn, ROLE);
  assert.equal(Group!.CreationDate, created);
  assert.equal(Group!.LastModifiedDate, now);
  const stored = await emulator.client.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: 'editors' }));
  assert.equal(stored.Group, Group);
});

test('UpdateGroup: sets settings the group did not have and can empty the description', async () => {
  await emulator.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'bare', Description: 'x' }));
  const { Group } = await emulator.client.send(
    new UpdateGroupCommand({ UserPoolId: poolId, GroupName: 'bare', Description: '', RoleArn: ROLE, Precedence: 0 }),
  );
  assert.is(Group!.Description, '');
  assert.is(Group!.RoleArn, ROLE);
  assert.is(Group!.Precedence, 0);
});

test('UpdateGroup: an unknown group is a ResourceNotFoundException', async () => {
  await assertRejects(emulator.client.send(new UpdateGroupCommand({ UserPoolId: poolId, GroupName: 'ghost', Precedence: 1 })),
    'ResourceNotFoundException', 'Group not found.');
});

test('UpdateGroup: settings outside the model are refused before anything changes', async () => {
  await emulator.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'kept', Precedence: 1 }));
  const request = { UserPoolId: poolId, GroupName: 'kept', Precedence: -5, RoleArn: 'not-an-arn-but-long-enough' };
  assertAwsError(await emulator.call('UpdateGroup', request), 'InvalidParameterException', 400,
    /^2 validation errors detected: .*'precedence'.*'roleArn' failed to satisfy constraint: .*regular expression/);
  const { Group } = await emulator.client.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: 'kept' }));
  assert.is(Group!.Precedence, 1);
  assert.is(Group!.RoleArn, undefined);
});

test('UpdateGroup: a missing GroupName is an InvalidParameterException', async () => {
  assertAwsError(await emulator.call('UpdateGroup', { UserPoolId: poolId }), 'InvalidParameterException', 400,
    "1 validation error detected: Value null at 'groupName' failed to satisfy constraint: Member must not be null");
});

test.run();
