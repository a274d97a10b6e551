import {
  AdminAddUserToGroupCommand,
  AdminListGroupsForUserCommand,
  CreateGroupCommand,
  ListUsersInGroupCommand,
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
  await emulator.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'staff' }));
});
test.after(async () => {
  await emulator.close();
});

const members = async (GroupName: string, UserPoolId = poolId) =>
  (await emulator.client.send(new ListUsersInGroupCommand({ UserPoolId, GroupName }))).Users!.map((u) => u.Username);

test('AdminAddUserToGroup: makes the user a member, seen from the group and from the user', async () => {
  await putUser(emulator, poolId, 'carol');
  const result = await emulator.call('AdminAddUserToGroup', { UserPoolId: poolId, Username: 'carol', GroupName: 'staff' });
  assert.is(result.status, 200);
  assert.equal(result.body, {});
  assert.equal(await members('staff'), ['carol']);
  const { Groups } = await emulator.client.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: 'carol' }));
  assert.equal(Groups!.map((g) => g.GroupName), ['staff']);
});

test('AdminAddUserToGroup: adding a member again changes nothing', async () => {
  await emulator.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'twice' }));
  await putUser(emulator, poolId, 'dave');
  for (let i = 0; i < 2; i++) {
    await emulator.client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'dave', GroupName: 'twice' }));
  }
  assert.equal(await members('twice'), ['dave']);
});

test('AdminAddUserToGroup: finds the user by sub', async () => {
  await emulator.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'bysub' }));
  const erin = await putUser(emulator, poolId, 'erin');
  await emulator.client.send(
    new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: attributeValue(erin, 'sub')!, GroupName: 'bysub' }),
  );
  assert.equal(await members('bysub'), ['erin']);
});

test('AdminAddUserToGroup: in a case-insensitive pool, any casing of the username finds the user', async () => {
  const pool = await createPool(emulator, { UsernameConfiguration: { CaseSensitive: false } });
  await emulator.client.send(new CreateGroupCommand({ UserPoolId: pool, GroupName: 'g' }));
  await putUser(emulator, pool, 'Frank');
  await emulator.client.send(new AdminAddUserToGroupCommand({ UserPoolId: pool, Username: 'FRANK', GroupName: 'g' }));
  await emulator.client.send(new AdminAddUserToGroupCommand({ UserPoolId: pool, Username: 'frank', GroupName: 'g' }));
  assert.equal(await members('g', pool), ['Frank']);
});

test('AdminAddUserToGroup: an unknown user is a UserNotFoundException', async () => {
  assertAwsError(await emulator.call('AdminAddUserToGroup', { UserPoolId: poolId, Username: 'nobody', GroupName: 'staff' }),
    'UserNotFoundException', 404, 'User does not exist.');
});

test('AdminAddUserToGroup: an unknown group is a ResourceNotFoundException', async () => {
  await putUser(emulator, poolId, 'gina');
  await assertRejects(
    emulator.client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'gina', GroupName: 'nope' })),
    'ResourceNotFoundException', 'Group not found.');
});

test('AdminAddUserToGroup: a malformed username is refused without echoing it', async () => {
  assertAwsError(await emulator.call('AdminAddUserToGroup', { UserPoolId: poolId, Username: 'has space', GroupName: 'staff' }),
    'InvalidParameterException', 400,
    "1 validation error detected: Value at 'username' failed to satisfy constraint: " +
      'Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+');
  assertAwsError(await emulator.call('AdminAddUserToGroup', { UserPoolId: poolId, GroupName: 'staff' }),
    'InvalidParameterException', 400, /Value null at 'username'/);
});

test.run();
