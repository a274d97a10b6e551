import {
  AdminAddUserToGroupCommand,
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
const MEMBERS = ['mia', 'bob', 'zoe', 'eve', 'kim'];
test.before(async () => {
  emulator = await startTestEmulator();
  poolId = await createPool(emulator);
  await emulator.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'team' }));
  await emulator.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'empty' }));
  await putUser(emulator, poolId, 'outsider');
  for (const Username of MEMBERS) {
    await putUser(emulator, poolId, Username);
    await emulator.client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username, GroupName: 'team' }));
  }
});
test.after(async () => {
  await emulator.close();
});

test('ListUsersInGroup: returns the members as UserType, in username order', async () => {
  const ann = await putUser(emulator, poolId, 'ann', [{ Name: 'email', Value: 'ann@example.com' }]);
  await emulator.client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'ann', GroupName: 'empty' }));
  const { Users, NextToken } = await emulator.client.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: 'empty' }));
  assert.is(NextToken, undefined);
  assert.is(Users!.length, 1);
  const [user] = Users!;
  assert.is(user!.Username, 'ann');
  assert.is(user!.Enabled, true);
  assert.is(user!.UserStatus, 'CONFIRMED');
  assert.ok(user!.UserCreateDate instanceof Date);
  assert.equal(user!.Attributes, [
    { Name: 'sub', Value: attributeValue(ann, 'sub') },
    { Name: 'email', Value: 'ann@example.com' },
  ]);
  const team = await emulator.client.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: 'team' }));
  assert.equal(team.Users!.map((u) => u.Username), [...MEMBERS].sort());
});

test('ListUsersInGroup: pages with Limit and NextToken', async () => {
  const seen: string[][] = [];
  let NextToken: string | undefined;
  do {
    const page = await emulator.client.send(
      new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: 'team', Limit: 2, NextToken }),
    );
    seen.push(page.Users!.map((u) => u.Username!));
    NextToken = page.NextToken;
  } while (NextToken);
  assert.equal(seen, [['bob', 'eve'], ['kim', 'mia'], ['zoe']]);
});

test('ListUsersInGroup: a group without members lists none', async () => {
  await emulator.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'nobody' }));
  const { Users } = await emulator.client.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: 'nobody' }));
  assert.equal(Users, []);
});

test('ListUsersInGroup: an unknown group is a ResourceNotFoundException', async () => {
  await assertRejects(emulator.client.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: 'ghosts' })),
    'ResourceNotFoundException', 'Group not found.');
});

test('ListUsersInGroup: a negative Limit or a blank NextToken is an InvalidParameterException', async () => {
  assertAwsError(await emulator.call('ListUsersInGroup', { UserPoolId: poolId, GroupName: 'team', Limit: -1 }),
    'InvalidParameterException', 400, /Value '-1' at 'limit' .* Member must have value greater than or equal to 0/);
  assertAwsError(await emulator.call('ListUsersInGroup', { UserPoolId: poolId, GroupName: 'team', NextToken: ' ' }),
    'InvalidParameterException', 400, /at 'nextToken' failed to satisfy constraint: Member must satisfy regular expression pattern/);
  assertAwsError(await emulator.call('ListUsersInGroup', { UserPoolId: poolId }), 'InvalidParameterException', 400,
    /Value null at 'groupName'/);
});

test.run();
