import {
  AdminAddUserToGroupCommand,
  AdminGetUserCommand,
  CreateGroupCommand,
  DeleteUserCommand,
  DescribeUserPoolCommand,
  GetUserCommand,
  ListUsersInGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { signedIn } from './profileFixtures.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

test('DeleteUser: the user, their memberships and their count are gone, and their token with them', async () => {
  const who = await signedIn(emulator);
  await emulator.client.send(new CreateGroupCommand({ UserPoolId: who.poolId, GroupName: 'g' }));
  await emulator.client.send(new AdminAddUserToGroupCommand({ UserPoolId: who.poolId, Username: who.username, GroupName: 'g' }));
  await emulator.client.send(new DeleteUserCommand({ AccessToken: who.tokens.AccessToken }));
  await assertRejects(emulator.client.send(new AdminGetUserCommand({ UserPoolId: who.poolId, Username: who.username })), 'UserNotFoundException');
  const { Users } = await emulator.client.send(new ListUsersInGroupCommand({ UserPoolId: who.poolId, GroupName: 'g' }));
  assert.equal(Users, []);
  const { UserPool } = await emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: who.poolId }));
  assert.is(UserPool!.EstimatedNumberOfUsers, 0);
  await assertRejects(emulator.client.send(new GetUserCommand({ AccessToken: who.tokens.AccessToken })), 'UserNotFoundException');
  await assertRejects(emulator.client.send(new DeleteUserCommand({ AccessToken: who.tokens.AccessToken })), 'UserNotFoundException');
});

test('DeleteUser: bad input', async () => {
  assertAwsError(await emulator.call('DeleteUser', {}), 'InvalidParameterException', 400, /accessToken.*must not be null/);
  assertAwsError(await emulator.call('DeleteUser', { AccessToken: 'x.y.z' }), 'NotAuthorizedException', 403, 'Invalid Access Token');
});

test.run();
