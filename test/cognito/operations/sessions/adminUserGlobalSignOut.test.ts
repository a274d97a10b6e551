import { AdminUserGlobalSignOutCommand, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { refresh, signedIn } from '../profile/profileFixtures.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

test('AdminUserGlobalSignOut: the user\'s access and refresh tokens stop working', async () => {
  const who = await signedIn(emulator);
  const answer = await emulator.call('AdminUserGlobalSignOut', { UserPoolId: who.poolId, Username: who.username });
  assert.is(answer.status, 200);
  assert.equal(answer.body, {});
  await assertRejects(emulator.client.send(new GetUserCommand({ AccessToken: who.tokens.AccessToken })), 'NotAuthorizedException', 'Access Token has been revoked');
  await assertRejects(refresh(emulator, who), 'NotAuthorizedException');
});

test('AdminUserGlobalSignOut: an unknown user or pool', async () => {
  const who = await signedIn(emulator);
  await assertRejects(
    emulator.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: who.poolId, Username: 'nobody' })),
    'UserNotFoundException',
    'User does not exist.',
  );
  await assertRejects(
    emulator.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: 'us-east-1_nothere00', Username: who.username })),
    'ResourceNotFoundException',
  );
});

test('AdminUserGlobalSignOut: bad input', async () => {
  assertAwsError(await emulator.call('AdminUserGlobalSignOut', { UserPoolId: 'us-east-1_abc' }), 'InvalidParameterException', 400, /username.*must not be null/);
  assertAwsError(
    await emulator.call('AdminUserGlobalSignOut', { UserPoolId: 'bad pool', Username: 'a' }),
    'InvalidParameterException',
    400,
    /userPoolId/,
  );
});

test.run();
