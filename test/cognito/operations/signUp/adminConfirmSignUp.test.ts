import { AdminConfirmSignUpCommand, AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { pendingCodes } from '../../../../src/cognito/codes/pendingCodes.js';
import { assertAwsError } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { attr } from '../users/userFixtures.js';
import { lastCode, poolWithClient, signUp } from './signUpFixtures.js';

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

test('AdminConfirmSignUp: confirms without a code, verifies nothing, and voids the pending code', async () => {
  await signUp(emulator, clientId, 'alice');
  const code = await lastCode(emulator, poolId, 'alice');
  await emulator.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'alice' }));
  const user = await emulator.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice' }));
  assert.is(user.UserStatus, 'CONFIRMED');
  assert.is(attr(user.UserAttributes, 'email_verified'), undefined);
  assert.match(code, /^[0-9]{6}$/);
  const pending = await emulator.store.table(pendingCodes).get([poolId, attr(user.UserAttributes, 'sub')!, 'SIGN_UP']);
  assert.is(pending, undefined);
});

test('AdminConfirmSignUp: a confirmed user is NotAuthorizedException; an unknown one UserNotFoundException', async () => {
  assertAwsError(await emulator.call('AdminConfirmSignUp', { UserPoolId: poolId, Username: 'alice' }),
    'NotAuthorizedException', 403, 'User cannot be confirmed. Current status is CONFIRMED');
  assertAwsError(await emulator.call('AdminConfirmSignUp', { UserPoolId: poolId, Username: 'nobody' }),
    'UserNotFoundException', 404, 'User does not exist.');
});

test('AdminConfirmSignUp: bad input is InvalidParameterException; an unknown pool ResourceNotFoundException', async () => {
  assertAwsError(await emulator.call('AdminConfirmSignUp', { UserPoolId: 'bad id', Username: 'a' }), 'InvalidParameterException', 400,
    /at 'userPoolId' failed to satisfy constraint/);
  assertAwsError(await emulator.call('AdminConfirmSignUp', { UserPoolId: 'us-east-1_nothere00', Username: 'a' }),
    'ResourceNotFoundException', 404);
});

test.run();
