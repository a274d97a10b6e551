import { AdminGetUserCommand, AdminResetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { codesFor, poolWithClient } from '../signUp/signUpFixtures.js';
import { NEW_PASSWORD, verifiedUser } from './passwordFixtures.js';

let emulator: TestEmulator;
let poolId: string;
let clientId: string;
test.before(async () => {
  emulator = await startTestEmulator();
  ({ poolId, clientId } = await poolWithClient(emulator));
});
test.after(async () => {
  await emulator.close();
});

test('AdminResetUserPassword: the user is RESET_REQUIRED and gets a code that ConfirmForgotPassword takes', async () => {
  await verifiedUser(emulator, poolId, 'alice');
  await emulator.client.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: 'alice' }));
  const user = await emulator.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice' }));
  assert.is(user.UserStatus, 'RESET_REQUIRED');
  const [sent] = await codesFor(emulator, poolId, 'alice');
  assert.is(sent!.kind, 'FORGOT_PASSWORD');
  assert.is(sent!.destination, 'alice@example.com');
  const confirmed = await emulator.call('ConfirmForgotPassword',
    { ClientId: clientId, Username: 'alice', ConfirmationCode: sent!.code, Password: NEW_PASSWORD });
  assert.is(confirmed.status, 200);
  const after = await emulator.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice' }));
  assert.is(after.UserStatus, 'CONFIRMED');
});

test('AdminResetUserPassword: a user with no verified contact is refused and keeps their status', async () => {
  await verifiedUser(emulator, poolId, 'bob', [{ Name: 'email', Value: 'bob@example.com' }]);
  assertAwsError(await emulator.call('AdminResetUserPassword', { UserPoolId: poolId, Username: 'bob' }), 'InvalidParameterException', 400,
    'Cannot reset password for the user as there is no registered/verified email or phone_number');
  const user = await emulator.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'bob' }));
  assert.is(user.UserStatus, 'FORCE_CHANGE_PASSWORD');
});

test('AdminResetUserPassword: an unknown user is UserNotFoundException; bad input InvalidParameterException', async () => {
  assertAwsError(await emulator.call('AdminResetUserPassword', { UserPoolId: poolId, Username: 'nobody' }), 'UserNotFoundException', 404);
  assertAwsError(await emulator.call('AdminResetUserPassword', { UserPoolId: poolId }), 'InvalidParameterException', 400,
    /Value null at 'username'/);
});

test.run();
