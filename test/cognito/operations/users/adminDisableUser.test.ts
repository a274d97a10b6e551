import { AdminDisableUserCommand, AdminGetUserCommand, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';
import { createUser } from './userFixtures.js';
import { signedIn } from '../profile/profileFixtures.js';

let emulator: TestEmulator;
let poolId: string;
let now = new Date('2026-03-01T00:00:00Z');
test.before(async () => {
  emulator = await startTestEmulator({ clock: { now: () => now } });
  poolId = await createPool(emulator);
});
test.after(async () => {
  await emulator.close();
});

test('AdminDisableUser: disables the user and touches its modification date', async () => {
  await createUser(emulator, poolId, 'alice');
  now = new Date('2026-03-02T00:00:00Z');
  const result = await emulator.call('AdminDisableUser', { UserPoolId: poolId, Username: 'alice' });
  assert.equal(result.body, {});
  const user = await emulator.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice' }));
  assert.is(user.Enabled, false);
  assert.equal(user.UserLastModifiedDate, now);
  assert.equal(user.UserCreateDate, new Date('2026-03-01T00:00:00Z'));
});

test('AdminDisableUser: ListUsers finds the user under status "Disabled"; disabling again changes nothing', async () => {
  const disabled = () => emulator.client.send(new ListUsersCommand({ UserPoolId: poolId, Filter: 'status = "Disabled"' }));
  assert.equal((await disabled()).Users!.map((u) => u.Username), ['alice']);
  await emulator.client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'alice' }));
  assert.equal((await disabled()).Users!.map((u) => u.Username), ['alice']);
});

test('AdminDisableUser: an unknown user or bad input is an AWS error', async () => {
  assertAwsError(await emulator.call('AdminDisableUser', { UserPoolId: poolId, Username: 'ghost' }), 'UserNotFoundException', 404,
    'User does not exist.');
  assertAwsError(await emulator.call('AdminDisableUser', { UserPoolId: poolId, Username: 7 }), 'SerializationException');
});

test('AdminDisableUser: revokes the user\'s tokens, which stay revoked after AdminEnableUser', async () => {
  const who = await signedIn(emulator, { username: 'dora' });
  await emulator.call('AdminDisableUser', { UserPoolId: who.poolId, Username: 'dora' });
  await emulator.call('AdminEnableUser', { UserPoolId: who.poolId, Username: 'dora' });
  const result = await emulator.call('GetUser', { AccessToken: who.tokens.AccessToken });
  assertAwsError(result, 'NotAuthorizedException', 403, 'Access Token has been revoked');
  const refreshed = await emulator.call('InitiateAuth', {
    ClientId: who.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: who.tokens.RefreshToken },
  });
  assertAwsError(refreshed, 'NotAuthorizedException', 403);
});

test.run();
