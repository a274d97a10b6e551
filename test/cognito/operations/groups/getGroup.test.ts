import { CreateGroupCommand, GetGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';

let emulator: TestEmulator;
let poolId: string;
test.before(async () => {
  emulator = await startTestEmulator();
  poolId = await createPool(emulator);
  await emulator.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'readers', Precedence: 5 }));
});
test.after(async () => {
  await emulator.close();
});

test('GetGroup: returns the stored group', async () => {
  const { Group } = await emulator.client.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: 'readers' }));
  assert.is(Group!.GroupName, 'readers');
  assert.is(Group!.Precedence, 5);
  assert.is(Group!.UserPoolId, poolId);
});

test('GetGroup: names are case-sensitive', async () => {
  await assertRejects(emulator.client.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: 'Readers' })),
    'ResourceNotFoundException', 'Group not found.');
});

test('GetGroup: an unknown group is a ResourceNotFoundException', async () => {
  assertAwsError(await emulator.call('GetGroup', { UserPoolId: poolId, GroupName: 'nobody' }),
    'ResourceNotFoundException', 404, 'Group not found.');
});

test('GetGroup: an unknown pool is a ResourceNotFoundException', async () => {
  assertAwsError(await emulator.call('GetGroup', { UserPoolId: 'us-east-1_nothere', GroupName: 'readers' }),
    'ResourceNotFoundException', 404, 'User pool us-east-1_nothere does not exist.');
});

test('GetGroup: an empty name or a malformed pool id is an InvalidParameterException', async () => {
  assertAwsError(await emulator.call('GetGroup', { UserPoolId: poolId, GroupName: '' }), 'InvalidParameterException', 400,
    /^2 validation errors detected: Value '' at 'groupName' .* length greater than or equal to 1; .*regular expression/);
  assertAwsError(await emulator.call('GetGroup', { UserPoolId: 'nounderscore', GroupName: 'readers' }),
    'InvalidParameterException', 400, /at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern/);
  assertAwsError(await emulator.call('GetGroup', { GroupName: 'readers' }), 'InvalidParameterException', 400,
    /Value null at 'userPoolId'/);
});

test.run();
