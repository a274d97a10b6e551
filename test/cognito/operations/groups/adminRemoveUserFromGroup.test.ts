import {
  AdminAddUserToGroupCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  CreateGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { attributeValue } from '../../../../src/cognito/model/user.js';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool, putUser } from '../../../helpers/fixtures.js';

let emulator: TestEmulator;
let poolId: string;
test.before(async () => {
  emulator = await startTestEmulator();
  poolId = await createPool(emulator);
  for (const GroupName of ['a', 'b']) {
    await emulator.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName }));
  }
});
test.after(async () => {
  await emulator.close();
});

const groupsOf = async (Username: string) =>
  (await emulator.client.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username }))).Groups!.map(
    (g) => g.GroupName,
  );

const join = (Username: string, GroupName: string) =>
  emulator.client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username, GroupName }));

test('AdminRemoveUserFromGroup: ends that membership only', async () => {
  await putUser(emulator, poolId, 'hank');
  await join('hank', 'a');
  await join('hank', 'b');
  await emulator.client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: poolId, Username: 'hank', GroupName: 'a' }));
  assert.equal(await groupsOf('hank'), ['b']);
});

test('AdminRemoveUserFromGroup: removing a user who is not a member succeeds', async () => {
  await putUser(emulator, poolId, 'iris');
  const result = await emulator.call('AdminRemoveUserFromGroup', { UserPoolId: poolId, Username: 'iris', GroupName: 'a' });
  assert.is(result.status, 200);
  assert.equal(await groupsOf('iris'), []);
});

test('AdminRemoveUserFromGroup: finds the user by sub', async () => {
  const jack = await putUser(emulator, poolId, 'jack');
  await join('jack', 'b');
  await emulator.client.send(
    new AdminRemoveUserFromGroupCommand({ UserPoolId: poolId, Username: attributeValue(jack, 'sub')!, GroupName: 'b' }),
  );
  assert.equal(await groupsOf('jack'), []);
});

test('AdminRemoveUserFromGroup: an unknown user or group is refused', async () => {
  await assertRejects(
    emulator.client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: poolId, Username: 'ghost', GroupName: 'a' })),
    'UserNotFoundException', 'User does not exist.');
  await putUser(emulator, poolId, 'kate');
  await assertRejects(
    emulator.client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: poolId, Username: 'kate', GroupName: 'zz' })),
    'ResourceNotFoundException', 'Group not found.');
});

test('AdminRemoveUserFromGroup: an overlong group name is an InvalidParameterException', async () => {
  assertAwsError(
    await emulator.call('AdminRemoveUserFromGroup', { UserPoolId: poolId, Username: 'kate', GroupName: 'g'.repeat(129) }),
    'InvalidParameterException', 400, /at 'groupName' .* Member must have length less than or equal to 128/);
  assertAwsError(await emulator.call('AdminRemoveUserFromGroup', { UserPoolId: poolId, Username: 7, GroupName: 'a' }),
    'SerializationException');
});

test.run();
